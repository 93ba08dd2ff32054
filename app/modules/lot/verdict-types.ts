/** Types of item verdicts and the small builders shared by the item judges. */

import type { LotRules } from "./verdict-rules";
import type { JudgeSpec } from "./verdict-schema";
import type { LotQuantities, PlaceAttributes } from "./verdict-vocabulary";

export type ItemKind = "main" | "general";
export type ItemResult = "pass" | "fail" | "na";
export type ItemStatus = "pass" | "fail" | "na" | "incomplete";

export interface LotPoint {
  value: number;
  serious?: boolean;
  /** This point's design value (pipe inverts on a slope); else the item's. */
  design?: number | null;
  /** The value as entered ("1.10"). */
  text?: string | null;
}

export interface LotItemInput {
  itemId: string;
  kind: ItemKind;
  /** 1-based number within its kind (主控项目 1, 一般项目 3). */
  seq: number;
  labelZh: string;
  spec: JudgeSpec | null;
  designValue?: number | null;
  result: ItemResult | null;
  points: LotPoint[];
}

export type VerdictCode =
  | "manual_pass"
  | "manual_fail"
  | "no_result"
  | "na"
  | "all_points_pass"
  | "points_fail"
  | "rate_pass"
  | "rate_fail"
  | "appendix_d_pass"
  | "appendix_d_fail"
  | "appendix_d_more"
  | "serious_fail"
  | "more_points"
  | "missing_quantity"
  | "missing_attribute"
  | "missing_design"
  | "statistic_pass"
  | "statistic_fail"
  | "trigger_confirm"
  | "judged_fail";

export interface PointResult {
  /** null: not judged (no design value for this point). */
  ok: boolean | null;
  /** measured − design for design items, else the value. */
  compared: number | null;
}

export interface ItemVerdict {
  itemId: string;
  kind: ItemKind;
  seq: number;
  status: ItemStatus;
  code: VerdictCode;
  params: Record<string, string | number>;
  passRate?: number;
  failedPoints: number;
  measuredPoints: number;
  requiredPoints: number;
  /** The limit applied and why, e.g. "≥ 1.10 m（层数 7 ≥ 7，GB 50096-2011 §6.1.3）". */
  limitZh: string | null;
  /** How the required number of points was found. */
  sampleBasisZh: string | null;
  /** The bounds a point is compared with on this place (deviation bounds for design items). */
  bounds?: { min: number | null; max: number | null };
  points: PointResult[];
  reasonsZh: string[];
}

const KIND_ZH: Record<ItemKind, string> = { main: "主控项目", general: "一般项目" };
const MAX_LISTED = 3;

export function itemTitleZh(item: Pick<LotItemInput, "kind" | "seq" | "labelZh">): string {
  return `${KIND_ZH[item.kind]} ${item.seq} ${item.labelZh}`;
}

export function shortRefZh(item: Pick<ItemVerdict, "kind" | "seq">): string {
  return `${KIND_ZH[item.kind]} ${item.seq}`;
}

export type Outcome = Omit<ItemVerdict, "itemId" | "kind" | "seq" | "reasonsZh"> & {
  notesZh: string[];
};

export function base(status: ItemStatus, code: VerdictCode, notesZh: string[]): Outcome {
  return {
    status,
    code,
    params: {},
    failedPoints: 0,
    measuredPoints: 0,
    requiredPoints: 0,
    limitZh: null,
    sampleBasisZh: null,
    points: [],
    notesZh,
  };
}

export function list(details: string[]): string {
  const shown = details.slice(0, MAX_LISTED).join("；");
  return details.length > MAX_LISTED ? `${shown} 等` : shown;
}

export interface ItemContext {
  rules: LotRules;
  attributes: PlaceAttributes;
  quantities: LotQuantities;
}
