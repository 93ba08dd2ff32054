import type { JudgeSpec, NumericSpec } from "./verdict";

/** One checklist item as the lot page shows it (the item card's input). */
export type LotItemView = {
  id: string;
  code: string;
  kind: "main" | "general";
  seq: number;
  textZh: string;
  tolerance: string | null;
  samplePlan: string;
  source: string;
  numeric: NumericSpec | null;
  numericFields: {
    numericUnit: string | null;
    numericMin: number | null;
    numericMax: number | null;
    numericQuantity: string | null;
    numericTarget: number | null;
  };
  numericCondition: string | null;
  requiredSamples: number | null;
  spec: JudgeSpec | null;
};
