/**
 * Judging a recorded 安全和功能检验 (GB 50300-2013 §5.0.3-3) against the limit of the checklist
 * item its test names: the same judge spec and limit selection the lot engine uses (the standard,
 * clause, comparison and numbers all come from prisma/data/checklists.json). Pure.
 */
import type { MessageParams } from "~/infra/domain-error";
import { tidy } from "~/modules/lot/verdict-format";
import {
  lookupAllowed,
  pointBounds,
  resolveLimit,
  upperRepresentative,
  violationOf,
} from "~/modules/lot/verdict-judge";
import type { JudgeSpec } from "~/modules/lot/verdict-schema";
import type { PlaceAttributes } from "~/modules/lot/verdict-vocabulary";

export type TestInput = {
  values: number[];
  attributes: PlaceAttributes;
  /** design value (a deflection is judged against the design deflection) */
  design?: number | null;
};

type Words = { key: "values" | "lookup" | "statistic"; params: MessageParams };
export type RuleWords = {
  key: "min" | "max" | "range" | "lookup" | "statistic";
  params: MessageParams;
};
export type TestVerdict =
  | { ok: true; pass: boolean; summary: Words; ref: string; unverified: boolean }
  | {
      ok: false;
      error: "missingAttribute" | "outOfRange" | "values" | "designNeeded" | "fewPoints";
      params: MessageParams;
    };

// the enumeration comma of the language of record (U+3001), between measured values
const list = (values: number[]) => values.map((v) => String(tidy(v))).join("\u3001");

/** The requirement in words, from the limit that applies (the default one without attributes). */
export function ruleWords(spec: JudgeSpec, attributes: PlaceAttributes = {}): RuleWords {
  if (spec.comparison === "lookup") return { key: "lookup", params: {} };
  if (spec.comparison === "statistic") return { key: "statistic", params: {} };
  const resolved = resolveLimit(spec, attributes);
  const limit = resolved.ok ? resolved.limit : spec.limits[spec.limits.length - 1]!;
  const unit = spec.unit;
  if (limit.min !== null && limit.max !== null)
    return { key: "range", params: { min: limit.min, max: limit.max, unit } };
  if (limit.min !== null) return { key: "min", params: { limit: limit.min, unit } };
  return { key: "max", params: { limit: limit.max ?? 0, unit } };
}

/** The verdict of one recorded test: every measured value must meet the limit of its place. */
export function judgeTest(spec: JudgeSpec, input: TestInput): TestVerdict {
  const { values, attributes } = input;
  if (values.length === 0) return { ok: false, error: "values", params: {} };
  const [lo, hi] = spec.entryRange;
  const wild = values.find((v) => v < lo || v > hi);
  if (wild !== undefined)
    return { ok: false, error: "outOfRange", params: { value: wild, min: lo, max: hi } };
  const ref = `${spec.standard} §${spec.clause}`;
  const unverified = spec.unverified;

  if (spec.comparison === "lookup") {
    // GB 50268-2008 §9.3.5: measured leakage ≤ the allowable leakage for the pipe's bore
    const allowed = lookupAllowed(spec, attributes);
    const attr = spec.lookup?.attr ?? "pipeDiameter";
    if (allowed === null) return { ok: false, error: "missingAttribute", params: { what: attr } };
    const pass = values.every((v) => v <= allowed);
    const params = { values: list(values), unit: spec.unit, allowed, dn: attributes[attr] ?? "" };
    return { ok: true, pass, summary: { key: "lookup", params }, ref, unverified };
  }

  if (spec.comparison === "statistic" && spec.statistic) {
    // CJJ 1-2008 §8.5.1: representative deflection l̄ + Za·S not above the design deflection
    const design = input.design;
    if (design === null || design === undefined)
      return { ok: false, error: "designNeeded", params: {} };
    const min = spec.statistic.minPoints;
    if (values.length < min) return { ok: false, error: "fewPoints", params: { n: min } };
    const za =
      spec.statistic.za.find((z) => z.when.every((c) => attributes[c.attr] === c.value))?.za ??
      spec.statistic.za[spec.statistic.za.length - 1]!.za;
    const r = upperRepresentative(values, za);
    const value = tidy(Math.round(r.value * 100) / 100);
    const params = { value, mean: r.mean, sd: tidy(Math.round(r.sd * 100) / 100), design };
    return {
      ok: true,
      pass: r.value <= design,
      summary: { key: "statistic", params },
      ref,
      unverified,
    };
  }

  const resolved = resolveLimit(spec, attributes);
  if (!resolved.ok)
    return { ok: false, error: "missingAttribute", params: { what: resolved.missing.join(", ") } };
  const bounds = pointBounds(spec, resolved.limit);
  if (!bounds) return { ok: false, error: "missingAttribute", params: { what: spec.comparison } };
  const pass = values.every((v) => violationOf(v, bounds) === null);
  const rule = ruleWords(spec, attributes);
  return {
    ok: true,
    pass,
    summary: {
      key: "values",
      params: { values: list(values), unit: spec.unit, ruleKey: rule.key, ...rule.params },
    },
    ref: `${spec.standard} §${resolved.clause}`,
    unverified,
  };
}

/** Measured values typed by hand: numbers separated by spaces, commas or 、. */
export function parseValues(text: string): number[] | null {
  const parts = text
    .split(/[\s,;\uff0c\u3001\uff1b]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const values = parts.map(Number);
  return values.every((v) => Number.isFinite(v)) ? values : null;
}
