/** Types of item verdicts and the small builders shared by the item judges. */

import type { VerdictText } from "./verdict-message";
import { msg, type VerdictList, type VerdictParam } from "./verdict-message";
import type { LotRules } from "./verdict-rules";
import type { JudgeSpec } from "./verdict-schema";
import type { LotQuantities, PlaceAttributes } from "./verdict-vocabulary";

export type { VerdictText } from "./verdict-message";

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
  /** The item's short label as written in the checklist (data). */
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
  /** The limit applied and why ("≥ 1.10 m（层数 7 ≥ 7，GB 50096-2011 §6.1.3）" once worded). */
  limit: VerdictText | null;
  /** How the required number of points was found. */
  sampleBasis: VerdictText | null;
  /** The bounds a point is compared with on this place (deviation bounds for design items). */
  bounds?: { min: number | null; max: number | null };
  points: PointResult[];
  /** "主控项目 1 栏杆高度: …" once worded, one per note. */
  reasons: VerdictText[];
}

const MAX_LISTED = 3;

export function itemTitle(item: Pick<LotItemInput, "kind" | "seq" | "labelZh">): VerdictText {
  return msg("verdict.itemTitle", {
    kind: msg(`kinds.${item.kind}`),
    seq: item.seq,
    label: item.labelZh,
  });
}

export function shortRef(item: Pick<ItemVerdict, "kind" | "seq">): VerdictText {
  return msg("verdict.shortRef", { kind: msg(`kinds.${item.kind}`), seq: item.seq });
}

export type Outcome = Omit<ItemVerdict, "itemId" | "kind" | "seq" | "reasons"> & {
  notes: VerdictText[];
};

export function base(status: ItemStatus, code: VerdictCode, notes: VerdictText[]): Outcome {
  return {
    status,
    code,
    params: {},
    failedPoints: 0,
    measuredPoints: 0,
    requiredPoints: 0,
    limit: null,
    sampleBasis: null,
    points: [],
    notes,
  };
}

/** At most three details, "；"-joined, "等" when there are more. */
export function list(details: VerdictParam[]): VerdictList {
  return { list: details, join: "semicolon", max: MAX_LISTED };
}

export interface ItemContext {
  rules: LotRules;
  attributes: PlaceAttributes;
  quantities: LotQuantities;
}
