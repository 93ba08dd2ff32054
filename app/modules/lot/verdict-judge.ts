/**
 * Judging measured values against an item's judge spec: which limit applies on this place and
 * why, each point against it, the serious-deviation band, and the statistics a code defines.
 */
import { tidy } from "./verdict-format";
import { msg, num, type VerdictText } from "./verdict-message";
import type { Condition, JudgeSpec, Limit } from "./verdict-schema";
import { isNamedAttributeValue, type PlaceAttributes } from "./verdict-vocabulary";

const OP_SYMBOL: Record<Condition["op"], string> = {
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

/** "层数 7", "管径 Di 300 mm", "面层类型 水泥混凝土". */
export function attributeText(attr: Condition["attr"], value: number | string): VerdictText {
  const shown =
    typeof value === "number"
      ? num(value)
      : isNamedAttributeValue(value)
        ? msg(`verdict.values.${value}`)
        : value;
  return msg(`verdict.attributeValue.${attr}`, { value: shown });
}

function conditionText(cond: Condition, attributes: PlaceAttributes): VerdictText {
  const actual = attributes[cond.attr]!;
  if (cond.op === "eq" || cond.op === "ne") return attributeText(cond.attr, actual);
  return msg("verdict.condition", {
    attribute: attributeText(cond.attr, actual),
    op: OP_SYMBOL[cond.op],
    value: typeof cond.value === "number" ? num(cond.value) : cond.value,
  });
}

export type ResolvedLimit =
  | { ok: true; limit: Limit; clause: string; why: VerdictText[]; ref: string }
  | { ok: false; missing: Condition["attr"][] };

/**
 * The limit that applies on this place: the first whose conditions all hold. If a condition's
 * attribute is unknown the limit cannot be chosen (a railing in a building of unknown height is
 * not judged against the lower limit by default).
 */
export function resolveLimit(spec: JudgeSpec, attributes: PlaceAttributes): ResolvedLimit {
  const missing = new Set<Condition["attr"]>();
  for (const limit of spec.limits) {
    const results = limit.when.map((c) => holds(c, attributes));
    for (const [i, r] of results.entries()) {
      if (r === null) missing.add(limit.when[i]!.attr);
    }
    if (missing.size > 0) continue;
    if (results.every((r) => r === true)) {
      const clause = limit.clause ?? spec.clause;
      const usedAttrs = new Set(spec.limits.flatMap((l) => l.when.map((c) => c.attr)));
      const why =
        limit.when.length > 0
          ? limit.when.map((c) => conditionText(c, attributes))
          : [...usedAttrs].map((a) => attributeText(a, attributes[a] as number | string));
      return { ok: true, limit, clause, why, ref: `${spec.standard} §${clause}` };
    }
  }
  return { ok: false, missing: [...missing] };
}

/** The limit as printed: "≥ 1.10 m", "150~500 mm", "+10, −5 mm". */
export function limitText(spec: JudgeSpec, limit: Limit): VerdictText {
  const d = spec.decimals;
  const show = (x: number) => num(x, { digits: Math.max(d, 0), unit: spec.unit });
  const { min, max } = limit;
  switch (spec.comparison) {
    case "ge":
      return msg("verdict.limit.compare", { op: "≥", value: show(min!) });
    case "gt":
      return msg("verdict.limit.compare", { op: ">", value: show(min!) });
    case "le":
      return msg("verdict.limit.compare", { op: "≤", value: show(max!) });
    case "lt":
      return msg("verdict.limit.compare", { op: "<", value: show(max!) });
    case "range":
      return msg("verdict.limit.range", { min: num(min!, { digits: d }), max: show(max!) });
    case "design": {
      if (min !== null && max !== null && min === -max)
        return msg("verdict.limit.designPlusMinus", { value: show(max) });
      const parts = [max, min].filter((x): x is number => x !== null);
      return msg(spec.noReverse ? "verdict.limit.designNoReverse" : "verdict.limit.design", {
        value: num(parts, { digits: d, sign: true, unit: spec.unit }),
      });
    }
    case "statistic":
      return msg("verdict.limit.statistic");
    case "lookup":
      return msg("verdict.limit.lookup");
    case "trigger":
      return msg("verdict.limit.trigger", { value: show(max!) });
    case "head":
      return msg("verdict.limit.head", { value: show(min!) });
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
): VerdictText {
  const decimals = Math.max(minDecimals, ...[compared, v.bound].map((x) => decimalsOfValue(x)));
  const show = (x: number) => num(x, { digits: decimals, unit, sign: deviation });
  return msg(deviation ? "verdict.violation.deviation" : "verdict.violation.value", {
    value: show(compared),
    op: v.op,
    bound: show(v.bound),
  });
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
