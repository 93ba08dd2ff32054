/**
 * Judging measured values against an item's judge spec: which limit applies on this place and
 * why, each point against it, the serious-deviation band, and the statistics a code defines.
 */
import { formatNumber, signed, tidy, withUnit } from "./verdict-format";
import type { Condition, JudgeSpec, Limit } from "./verdict-schema";
import { ATTRIBUTE_VALUE_ZH, PLACE_ATTRIBUTES, type PlaceAttributes } from "./verdict-vocabulary";

const OP_ZH: Record<Condition["op"], string> = {
  eq: "=",
  ne: "≠",
  ge: "≥",
  gt: ">",
  le: "≤",
  lt: "<",
};

function holds(cond: Condition, attributes: PlaceAttributes): boolean | null {
  const actual = attributes[cond.attr];
  if (actual === null || actual === undefined || actual === "") return null;
  if (cond.op === "eq") return actual === cond.value;
  if (cond.op === "ne") return actual !== cond.value;
  if (typeof actual !== "number" || typeof cond.value !== "number") return false;
  const a = actual;
  const b = cond.value;
  return cond.op === "ge" ? a >= b : cond.op === "gt" ? a > b : cond.op === "le" ? a <= b : a < b;
}

function attributeZh(attr: Condition["attr"], value: number | string): string {
  const meta = PLACE_ATTRIBUTES[attr];
  const shown =
    typeof value === "number" ? formatNumber(value) : (ATTRIBUTE_VALUE_ZH[value] ?? value);
  return `${meta.labelZh} ${shown}${meta.unit && meta.unit !== "层" ? ` ${meta.unit}` : ""}`;
}

function conditionZh(cond: Condition, attributes: PlaceAttributes): string {
  const actual = attributes[cond.attr]!;
  if (cond.op === "eq" || cond.op === "ne") return attributeZh(cond.attr, actual);
  const shownValue = typeof cond.value === "number" ? formatNumber(cond.value) : cond.value;
  return `${attributeZh(cond.attr, actual)} ${OP_ZH[cond.op]} ${shownValue}`;
}

export type ResolvedLimit =
  | { ok: true; limit: Limit; clause: string; whyZh: string; refZh: string }
  | { ok: false; missingZh: string };

/**
 * The limit that applies on this place: the first whose conditions all hold. If a condition's
 * attribute is unknown the limit cannot be chosen (a railing in a building of unknown height is
 * not judged against the lower limit by default).
 */
export function resolveLimit(spec: JudgeSpec, attributes: PlaceAttributes): ResolvedLimit {
  const missing = new Set<string>();
  for (const limit of spec.limits) {
    const results = limit.when.map((c) => holds(c, attributes));
    for (const [i, r] of results.entries()) {
      if (r === null) missing.add(PLACE_ATTRIBUTES[limit.when[i]!.attr].labelZh);
    }
    if (missing.size > 0) continue;
    if (results.every((r) => r === true)) {
      const clause = limit.clause ?? spec.clause;
      const usedAttrs = new Set(spec.limits.flatMap((l) => l.when.map((c) => c.attr)));
      const why =
        limit.when.length > 0
          ? limit.when.map((c) => conditionZh(c, attributes)).join("，")
          : [...usedAttrs].map((a) => attributeZh(a, attributes[a] as number | string)).join("，");
      return { ok: true, limit, clause, whyZh: why, refZh: `${spec.standard} §${clause}` };
    }
  }
  return { ok: false, missingZh: [...missing].join("、") };
}

/** The limit as printed: "≥ 1.10 m", "150~500 mm", "+10, −5 mm". */
export function limitTextZh(spec: JudgeSpec, limit: Limit): string {
  const d = spec.decimals;
  const show = (x: number) => withUnit(formatNumber(x, Math.max(d, 0)), spec.unit);
  const { min, max } = limit;
  switch (spec.comparison) {
    case "ge":
      return `≥ ${show(min!)}`;
    case "gt":
      return `> ${show(min!)}`;
    case "le":
      return `≤ ${show(max!)}`;
    case "lt":
      return `< ${show(max!)}`;
    case "range":
      return `${formatNumber(min!, d)}~${show(max!)}`;
    case "design": {
      if (min !== null && max !== null && min === -max) return `设计值 ±${show(max)}`;
      const parts = [max, min].filter((x): x is number => x !== null);
      const text = parts.map((x) => signed(formatNumber(x, d), x)).join(", ");
      return `设计值 ${withUnit(text, spec.unit)}${spec.noReverse ? "，不反坡" : ""}`;
    }
    case "statistic":
      return "代表值 ≤ 设计值";
    case "lookup":
      return "≤ 允许值 (查表)";
    case "trigger":
      return `> ${show(max!)} 时须采取措施`;
    case "head":
      return `≥ 上游管顶内壁 + ${show(min!)} (或至井口)`;
  }
}

export interface Bounds {
  min: number | null;
  max: number | null;
  minStrict?: boolean;
  maxStrict?: boolean;
}

/** The bounds a single point is compared with, for the point-wise comparisons. */
export function pointBounds(spec: JudgeSpec, limit: Limit): Bounds | null {
  switch (spec.comparison) {
    case "ge":
    case "head":
      return { min: limit.min, max: null };
    case "gt":
      return { min: limit.min, max: null, minStrict: true };
    case "le":
    case "trigger":
      return { min: null, max: limit.max };
    case "lt":
      return { min: null, max: limit.max, maxStrict: true };
    case "range":
    case "design":
      return { min: limit.min, max: limit.max };
    default:
      return null;
  }
}

/**
 * The serious band (CJJ 1 / GB 50268 / GB 50141 / GB 50210: 最大偏差不得大于允许偏差的1.5倍):
 * only where the tolerance is an allowable deviation — a deviation from design, or an absolute
 * "≤ max" with no lower bound (flatness, gaps). A minimum requirement (≥ 1.05 m, ≥ 95%) is not a
 * deviation: a failing point just fails.
 */
export function seriousBounds(spec: JudgeSpec, limit: Limit, factor: number | null): Bounds | null {
  if (factor === null) return null;
  const scale = (x: number | null) => (x === null ? null : tidy(x * factor));
  if (spec.comparison === "design") return { min: scale(limit.min), max: scale(limit.max) };
  if (
    (spec.comparison === "le" || spec.comparison === "lt") &&
    limit.max !== null &&
    limit.max > 0
  ) {
    return { min: null, max: scale(limit.max) };
  }
  return null;
}

export interface Violation {
  op: "<" | ">" | "≤" | "≥";
  bound: number;
}

export function violationOf(x: number, b: Bounds): Violation | null {
  if (b.min !== null && (b.minStrict ? x <= b.min : x < b.min)) {
    return { op: b.minStrict ? "≤" : "<", bound: b.min };
  }
  if (b.max !== null && (b.maxStrict ? x >= b.max : x > b.max)) {
    return { op: b.maxStrict ? "≥" : ">", bound: b.max };
  }
  return null;
}

export function describeViolation(
  compared: number,
  v: Violation,
  unit: string,
  deviation: boolean,
  minDecimals = 0,
): string {
  const decimals = Math.max(minDecimals, ...[compared, v.bound].map((x) => decimalsOfValue(x)));
  const show = (x: number) => withUnit(formatNumber(x, decimals), unit);
  if (deviation)
    return `偏差 ${signed(show(compared), compared)} ${v.op} ${signed(show(v.bound), v.bound)}`;
  return `${show(compared)} ${v.op} ${show(v.bound)}`;
}

function decimalsOfValue(x: number): number {
  const text = String(tidy(x));
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : Math.min(text.length - dot - 1, 4);
}

/** CJJ 1 / JTG: representative value of an upper-limited quantity, l̄ + Za·S (S: sample SD). */
export function upperRepresentative(values: readonly number[], za: number) {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  const sd = Math.sqrt(variance);
  return { mean: tidy(mean), sd: tidy(sd), value: tidy(mean + za * sd) };
}

/** The allowed maximum from a lookup (GB 50268 表9.3.5); null when the key is outside the table. */
export function lookupAllowed(spec: JudgeSpec, attributes: PlaceAttributes): number | null {
  const lookup = spec.lookup;
  if (!lookup) return null;
  const key = attributes[lookup.attr];
  if (typeof key !== "number") return null;
  if (lookup.linear?.when.every((c) => holds(c, attributes) === true)) {
    return tidy(lookup.linear.factor * key);
  }
  const row = lookup.rows.find((r) => r.key === key);
  return row ? row.value : null;
}
