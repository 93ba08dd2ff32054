import type { JudgeSpec, NumericSpec } from "./verdict";
import type { NumericLike } from "./verdict-legacy";

/** One checklist item as the lot page shows it (the item card's input). */
export type LotItemView = {
  id: string;
  code: string;
  kind: "main" | "general";
  seq: number;
  textZh: string;
  tolerance: string | null;
  samplePlan: string;
  numeric: NumericSpec | null;
  numericFields: NumericLike;
  numericCondition: string | null;
  requiredSamples: number | null;
  spec: JudgeSpec | null;
};
