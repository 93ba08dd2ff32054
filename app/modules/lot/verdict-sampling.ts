/**
 * Sample sizes and the counting judgement of GB 50300-2013: table 3.0.9 (minimum sample per lot
 * capacity), Appendix D (single and double sampling for 一般项目), and the item sample rules of
 * the checklist data (per length/area, percentages, width classes).
 */
import { tidy } from "./verdict-format";
import { msg, type VerdictText } from "./verdict-message";
import type { SampleRule } from "./verdict-schema";
import type { LotQuantities, PlaceAttributes, SampleQuantity } from "./verdict-vocabulary";

export interface AppendixDRow {
  n: number;
  ac: number;
  re: number;
}

export interface DoubleSamplingRow {
  stage1: AppendixDRow;
  stage2: AppendixDRow;
}

export interface MinimumSampleRow {
  lotCapacityMin: number;
  lotCapacityMax: number;
  minSamples: number;
}

function isMissing(x: number | null | undefined): x is null | undefined {
  return x === null || x === undefined || !Number.isFinite(x);
}

/**
 * GB 50300 table 3.0.9. Below the smallest row every unit is inspected; above the largest row the
 * largest row's minimum applies. Null without a usable capacity.
 */
export function minimumSamplesForCapacity(
  lotCapacity: number | null | undefined,
  table: readonly MinimumSampleRow[],
): number | null {
  if (isMissing(lotCapacity) || lotCapacity < 1 || table.length === 0) return null;
  const capacity = Math.ceil(lotCapacity);
  const row = table.find((r) => capacity >= r.lotCapacityMin && capacity <= r.lotCapacityMax);
  if (row) return row.minSamples;
  const first = table[0]!;
  if (capacity < first.lotCapacityMin) return capacity;
  return table[table.length - 1]!.minSamples;
}

export type RequiredSamples =
  | { ok: true; n: number; basis: VerdictText }
  | { ok: false; missing: "quantity" | "attribute"; what: VerdictText; code: string };

/**
 * The number of points an item needs under its sample rule, from the lot's quantity of what the
 * rule counts (and the road width for width classes). A rule that needs a quantity the lot does
 * not record cannot be sized: the verdict stays incomplete rather than guessing.
 */
export function requiredSamples(
  rule: SampleRule,
  counts: SampleQuantity,
  quantities: LotQuantities,
  attributes: PlaceAttributes,
  table: readonly MinimumSampleRow[],
): RequiredSamples {
  if (rule.kind === "fixed")
    return { ok: true, n: rule.n, basis: msg("verdict.sample.fixed", { n: rule.n }) };
  const unit = msg(`verdict.counts.${counts}`);
  const q = quantities[counts];
  if (isMissing(q) || q <= 0) return { ok: false, missing: "quantity", what: unit, code: counts };
  const quantity = msg("verdict.sample.quantity", { q: tidy(q), unit });
  switch (rule.kind) {
    case "all":
      return { ok: true, n: Math.ceil(q), basis: msg("verdict.sample.all", { quantity }) };
    case "per": {
      const n = Math.max(Math.ceil(tidy(q / rule.every)) * rule.n, rule.atLeast ?? rule.n);
      const basis = msg("verdict.sample.per", {
        every: tidy(rule.every),
        unit,
        n: rule.n,
        quantity,
      });
      return { ok: true, n, basis };
    }
    case "percent": {
      const byShare = Math.ceil(tidy((rule.percent / 100) * q));
      const floor = rule.table309 ? (minimumSamplesForCapacity(q, table) ?? 0) : 0;
      const units = Math.min(Math.ceil(q), Math.max(byShare, rule.atLeast, floor));
      const floorText = rule.table309 ? msg("verdict.sample.table309Floor", { floor }) : "";
      const each =
        rule.pointsPerUnit > 1 ? msg("verdict.sample.eachUnit", { n: rule.pointsPerUnit }) : "";
      return {
        ok: true,
        n: units * rule.pointsPerUnit,
        basis: msg("verdict.sample.percent", {
          percent: rule.percent,
          atLeast: rule.atLeast,
          floor: floorText,
          each,
          quantity,
        }),
      };
    }
    case "perWidth": {
      const width = attributes.roadWidth;
      if (typeof width !== "number")
        return {
          ok: false,
          missing: "attribute",
          what: msg("verdict.attributes.roadWidth"),
          code: "roadWidth",
        };
      const cls =
        rule.classes.find((c) => c.widthBelow !== null && width < c.widthBelow) ??
        rule.classes.find((c) => c.widthBelow === null)!;
      const sections = Math.ceil(tidy(q / rule.every));
      return {
        ok: true,
        n: sections * cls.n,
        basis: msg("verdict.sample.perWidth", {
          every: tidy(rule.every),
          n: cls.n,
          width: tidy(width),
          quantity,
        }),
      };
    }
    case "table309": {
      const n = minimumSamplesForCapacity(q, table) ?? 1;
      return { ok: true, n, basis: msg("verdict.sample.table309", { quantity }) };
    }
  }
}

export type CountingJudgement =
  | {
      status: "pass" | "fail";
      ac: number;
      re: number;
      n: number;
      plan: "single" | "double" | "all";
    }
  | { status: "more"; n: number; needed: number; plan: "double" };

/**
 * GB 50300 Appendix D for `failed` of `n` points. Single sampling (table D.0.1-1) starts at
 * n = 5; between rows Ac is interpolated and rounded (D.0.2); above the last row the last
 * row's defect ratio is kept. Below 5: at n ≥ the first double-sampling stage (3) the double
 * sampling rule (table D.0.1-2) applies (0 pass, ≥ Re fail, otherwise sample up to the
 * cumulative size); below that every point must pass.
 */
export function appendixDJudgement(
  n: number,
  failed: number,
  single: readonly AppendixDRow[],
  double: readonly DoubleSamplingRow[],
): CountingJudgement | null {
  if (single.length === 0 || n < 1) return null;
  const first = single[0]!;
  if (n >= first.n) {
    const ac = singleAcceptance(n, single);
    return { status: failed <= ac ? "pass" : "fail", ac, re: ac + 1, n, plan: "single" };
  }
  const d = double[0];
  if (d && n >= d.stage1.n) {
    if (n >= d.stage2.n) {
      const pass = failed <= d.stage2.ac;
      return {
        status: pass ? "pass" : "fail",
        ac: d.stage2.ac,
        re: d.stage2.re,
        n,
        plan: "double",
      };
    }
    if (failed <= d.stage1.ac)
      return { status: "pass", ac: d.stage1.ac, re: d.stage1.re, n, plan: "double" };
    if (failed >= d.stage1.re)
      return { status: "fail", ac: d.stage1.ac, re: d.stage1.re, n, plan: "double" };
    return { status: "more", n, needed: d.stage2.n, plan: "double" };
  }
  return { status: failed === 0 ? "pass" : "fail", ac: 0, re: 1, n, plan: "all" };
}

function singleAcceptance(n: number, table: readonly AppendixDRow[]): number {
  const last = table[table.length - 1]!;
  if (n >= last.n) return Math.round(tidy((last.ac * n) / last.n));
  const upperIndex = table.findIndex((r) => r.n >= n);
  const upper = table[upperIndex]!;
  if (upper.n === n || upperIndex === 0) return upper.ac;
  const lower = table[upperIndex - 1]!;
  return Math.round(tidy(lower.ac + ((upper.ac - lower.ac) * (n - lower.n)) / (upper.n - lower.n)));
}

/** Ac for single sampling at n (n ≥ the table's first row), for display and old callers. */
export function acceptanceNumber(n: number, table: readonly AppendixDRow[]): number | null {
  if (table.length === 0 || n < table[0]!.n) return null;
  return singleAcceptance(n, table);
}
