import type { LotMessage } from "./messages";

/** What an item's record is made of, as stored and compared (points normalised). */
export type ItemRecord = {
  result: string | null;
  note: string | null;
  designValue: number | null;
  points: readonly unknown[];
};

export const ITEM_FIELDS = ["result", "note", "designValue", "points"] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

/** The parts of `next` that differ from `stored` (none: the write would change nothing). */
export function changedFields(stored: ItemRecord, next: ItemRecord): ItemField[] {
  const same = {
    result: stored.result === next.result,
    note: (stored.note ?? null) === (next.note ?? null),
    designValue: (stored.designValue ?? null) === (next.designValue ?? null),
    points: JSON.stringify(stored.points) === JSON.stringify(next.points),
  };
  return ITEM_FIELDS.filter((f) => !same[f]);
}

export type VersionDecision =
  /** At the version the write was based on (or no version given): apply it. */
  | { kind: "apply" }
  /** Moved on, but already reads as the write would make it: nothing to change. */
  | { kind: "unchanged" }
  /** Moved on and differs: refused, naming what differs. */
  | { kind: "conflict"; fields: ItemField[] };

/**
 * Decision 0028: a write based on version `base` of an item now at `current` applies only when
 * the item has not moved on, or when the item already holds exactly what the write would store.
 */
export function decideItemVersion(
  base: number | null | undefined,
  current: number,
  stored: ItemRecord,
  next: ItemRecord,
): VersionDecision {
  if (base === null || base === undefined || base === current) return { kind: "apply" };
  const fields = changedFields(stored, next);
  return fields.length === 0 ? { kind: "unchanged" } : { kind: "conflict", fields };
}

/** The refusal's words: the item, who changed it last and (the first of) what differs. */
export function itemChangedMessage(
  itemCode: string,
  changedBy: string | null,
  fields: readonly ItemField[],
): LotMessage {
  const key = !changedBy
    ? "lot:commands.itemChangedUnknown"
    : fields.length > 1
      ? "lot:commands.itemChangedSeveral"
      : "lot:commands.itemChanged";
  return {
    key,
    params: {
      item: itemCode,
      name: changedBy ?? "",
      what: fields[0] ?? "points",
      count: fields.length,
    },
  };
}
