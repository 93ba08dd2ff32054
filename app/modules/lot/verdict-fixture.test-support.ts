/**
 * Test support for the verdict case tables: the real checklist data file (validated with zod as
 * the app loads it) and a one-item lot builder. Not imported by the app.
 */

import { readFileSync } from "node:fs";
import { parseChecklistData } from "~/modules/checklist/data-file";
import {
  computeLotVerdict,
  type ItemResult,
  type ItemVerdict,
  type LotItemInput,
  type LotPoint,
  type LotQuantities,
  type LotRules,
  lotRulesFor,
  type PlaceAttributes,
} from "./verdict";
import { rulesFromChecklistData } from "./verdict-rules-data";

export const data = parseChecklistData(
  JSON.parse(readFileSync("prisma/data/checklists.json", "utf8")),
);
export const rules = rulesFromChecklistData(data.acceptanceRules);

export function workTypeOf(itemId: string) {
  const wt = data.workTypes.find((w) => w.items.some((i) => i.id === itemId));
  if (!wt) throw new Error(`item ${itemId} not in data`);
  return wt;
}

export function dataItem(itemId: string) {
  return workTypeOf(itemId).items.find((i) => i.id === itemId)!;
}

export function rulesOf(itemId: string): LotRules {
  return lotRulesFor(workTypeOf(itemId).standards, rules);
}

export interface OneItem {
  points?: (number | LotPoint)[];
  attrs?: PlaceAttributes;
  qty?: LotQuantities;
  design?: number | null;
  result?: ItemResult | null;
}

export function inputOf(itemId: string, o: OneItem = {}, seq = 1): LotItemInput {
  const item = dataItem(itemId);
  return {
    itemId,
    kind: item.kind,
    seq,
    labelZh: item.textZh.slice(0, 12),
    spec: item.judge,
    designValue: o.design ?? null,
    result: o.result ?? null,
    points: (o.points ?? []).map((p) => (typeof p === "number" ? { value: p } : p)),
  };
}

/** The verdict of one item judged alone in a lot of its work type. */
export function judgeOne(itemId: string, o: OneItem = {}): ItemVerdict {
  const verdict = computeLotVerdict({
    rules: rulesOf(itemId),
    attributes: o.attrs ?? {},
    quantities: { lots: 1, ...(o.qty ?? {}) },
    items: [inputOf(itemId, o)],
    recordsComplete: true,
  });
  return verdict.items[0]!;
}

/** n copies of a value. */
export const times = (n: number, value: number | LotPoint): (number | LotPoint)[] =>
  Array.from({ length: n }, () => value);
