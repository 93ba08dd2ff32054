/**
 * Inspection-lot (检验批) verdict engine, GB 50300-2013 §5.0.1. Pure: every threshold comes from
 * the checklist data (acceptanceRules and each item's judge spec). The parts:
 * verdict-schema (the judge spec, zod), verdict-rules (pass rates, Appendix D, table 3.0.9),
 * verdict-sampling (sample sizes, Appendix D judgement), verdict-judge (limits and points),
 * verdict-item (one item), verdict-format (numbers and units); this file judges the lot.
 */
import {
  type ItemStatus,
  type ItemVerdict,
  judgeItem,
  type LotItemInput,
  shortRef,
} from "./verdict-item";
import { msg, type VerdictText } from "./verdict-message";
import type { LotRules } from "./verdict-rules";
import type { LotQuantities, PlaceAttributes } from "./verdict-vocabulary";

export * from "./verdict-format";
export * from "./verdict-item";
export * from "./verdict-judge";
export { type NumericSpec, numericLimit, specFromLegacyNumeric } from "./verdict-legacy";
export * from "./verdict-message";
export * from "./verdict-rules";
export * from "./verdict-sampling";
export type { Condition, JudgeSpec, Limit, SampleRule } from "./verdict-schema";
export * from "./verdict-text";
export * from "./verdict-vocabulary";

export type LotStatus = "pass" | "fail" | "incomplete";

export interface LotVerdictInput {
  rules: LotRules;
  attributes?: PlaceAttributes;
  quantities?: LotQuantities;
  items: LotItemInput[];
  recordsComplete?: boolean;
}

export interface LotVerdict {
  status: LotStatus;
  canAccept: boolean;
  /** One line for lists and error messages ("不合格：主控项目 2" once worded). */
  summary: VerdictText;
  items: ItemVerdict[];
  /** Item by item; failing items first, then incomplete, then passing, then not applicable. */
  reasons: VerdictText[];
}

const RECORDS_INCOMPLETE = msg("verdict.lot.recordsIncomplete");
const NO_APPLICABLE_ITEMS = msg("verdict.lot.noApplicableItems");
const NO_MAIN_ITEMS = msg("verdict.lot.noMainItems");

function byKindAndSeq(a: LotItemInput, b: LotItemInput): number {
  if (a.kind !== b.kind) return a.kind === "main" ? -1 : 1;
  return a.seq - b.seq;
}

function mainAllNa(items: ItemVerdict[]): boolean {
  const main = items.filter((i) => i.kind === "main");
  return main.length > 0 && main.every((i) => i.status === "na");
}

function lotStatusOf(items: ItemVerdict[], recordsComplete: boolean | undefined): LotStatus {
  if (items.some((i) => i.status === "fail")) return "fail";
  const applicable = items.filter((i) => i.status !== "na");
  if (applicable.length === 0 || mainAllNa(items)) return "incomplete";
  if (recordsComplete === false || applicable.some((i) => i.status === "incomplete")) {
    return "incomplete";
  }
  return "pass";
}

function summaryOf(
  status: LotStatus,
  items: ItemVerdict[],
  recordsComplete?: boolean,
): VerdictText {
  if (status === "pass") return msg("verdict.lot.pass");
  const wanted: ItemStatus = status === "fail" ? "fail" : "incomplete";
  const refs = items.filter((i) => i.status === wanted).map(shortRef);
  if (status === "incomplete" && recordsComplete === false) refs.push(RECORDS_INCOMPLETE);
  if (status === "incomplete" && mainAllNa(items)) refs.push(NO_MAIN_ITEMS);
  if (refs.length === 0) refs.push(NO_APPLICABLE_ITEMS);
  return msg(status === "fail" ? "verdict.lot.fail" : "verdict.lot.incomplete", {
    refs: { list: refs, join: "enumeration" },
  });
}

/** GB 50300-2013 §5.0.1: main items all pass, general items per the governing code, records complete. */
export function computeLotVerdict(input: LotVerdictInput): LotVerdict {
  const ctx = {
    rules: input.rules,
    attributes: input.attributes ?? {},
    quantities: input.quantities ?? {},
  };
  const items = [...input.items].sort(byKindAndSeq).map((item) => judgeItem(item, ctx));
  const status = lotStatusOf(items, input.recordsComplete);
  const reasonsOf = (wanted: ItemStatus) =>
    items.filter((i) => i.status === wanted).flatMap((i) => i.reasons);
  const reasons = [
    ...(items.every((i) => i.status === "na") ? [NO_APPLICABLE_ITEMS] : []),
    ...(mainAllNa(items) && !items.every((i) => i.status === "na") ? [NO_MAIN_ITEMS] : []),
    ...reasonsOf("fail"),
    ...reasonsOf("incomplete"),
    ...(input.recordsComplete === false ? [RECORDS_INCOMPLETE] : []),
    ...reasonsOf("pass"),
    ...reasonsOf("na"),
  ];
  return {
    status,
    canAccept: status === "pass",
    summary: summaryOf(status, items, input.recordsComplete),
    items,
    reasons,
  };
}
