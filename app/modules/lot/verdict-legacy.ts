/**
 * Checklist versions published before items carried a judge spec (template versions ≤ the
 * one of issue 14) only have `numeric` (unit/min/max/quantity). Lots opened on them keep their
 * version; this derives the spec their numbers imply so they are still judged, conservatively:
 * no conditions (the version had none), table 3.0.9 on the lot's capacity.
 */
import { msg, type VerdictText } from "./verdict-message";
import type { JudgeSpec } from "./verdict-schema";

/** `numeric` of a checklist item as stored in the template version. */
export interface NumericSpec {
  unit: string;
  min: number | null;
  max: number | null;
  quantity: string;
  target?: number | null;
  condition?: string;
  note?: string;
}

export function specFromLegacyNumeric(numeric: NumericSpec, source: string): JudgeSpec | null {
  const { min, max } = numeric;
  if (min === null && max === null) return null;
  let comparison: JudgeSpec["comparison"];
  if (numeric.quantity === "deviationFromDesign") comparison = "design";
  else if (numeric.quantity === "absolute" || numeric.quantity === "aboveUpstreamCrown") {
    comparison = min !== null && max !== null ? "range" : min !== null ? "ge" : "le";
  } else return null;
  const span = Math.max(Math.abs(min ?? 0), Math.abs(max ?? 0), 1);
  return {
    standard: source.slice(0, 60),
    clause: "—",
    comparison,
    unit: numeric.unit,
    entryRange: [-1e9, 1e9 + span],
    decimals: 0,
    limits: [{ when: [], min, max }],
    sample: { counts: "lots", rule: { kind: "table309" } },
    unverified: true,
  };
}

/** The legacy numeric columns of a checklist item. */
export type NumericLike = {
  numericUnit: string | null;
  numericMin: number | null;
  numericMax: number | null;
  numericQuantity: string | null;
  numericTarget: number | null;
};

/**
 * The machine-judged limit of a (legacy numeric) item as a message: "≥ 1.05 m",
 * "−10 ~ +10 mm（相对设计值）" once worded by verdictText(t, …) or verdictTextZh(…).
 */
export function numericLimit(item: NumericLike): VerdictText | null {
  const unit = item.numericUnit;
  if (!unit) return null;
  const relative = item.numericQuantity === "deviationFromDesign";
  const sign = (n: number) => (relative && n > 0 ? `+${n}` : String(n));
  const { numericMin: min, numericMax: max } = item;
  let limit: VerdictText;
  if (min !== null && max !== null)
    limit = msg("limits.range", { min: sign(min), max: sign(max), unit });
  else if (min !== null) limit = msg("limits.min", { min: sign(min), unit });
  else if (max !== null) limit = msg("limits.max", { max: sign(max), unit });
  else if (item.numericTarget !== null)
    limit = msg("limits.target", { target: String(item.numericTarget), unit });
  else return null;
  if (relative) return msg("limits.deviationFromDesign", { limit });
  if (item.numericQuantity === "aboveUpstreamCrown")
    return msg("limits.aboveUpstreamCrown", { limit });
  return limit;
}
