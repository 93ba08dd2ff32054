import type { RecordedPoint } from "./corrections";
import type { EntryInput } from "./entry-types";
import type { LotItemInput } from "./verdict-types";

/** An item's record as the page starts it: the stored result, note, design value and points. */
export function emptyEntry(
  itemId: string,
  input: LotItemInput | undefined,
  note: string | null = null,
  recorded?: RecordedPoint[],
): EntryInput {
  return {
    itemId,
    result: input?.result ?? null,
    note,
    designValue: input?.designValue ?? null,
    points: (recorded ?? []).map((p) => ({
      value: p.value,
      serious: p.serious ?? false,
      text: p.text ?? null,
      design: p.design ?? null,
      ...(p.was && p.was.length > 0 ? { was: p.was } : {}),
      ...(p.removed ? { removed: true } : {}),
    })),
  };
}

/** Every item's starting record, by item id (the lot page's first state). */
export function initialEntries(view: {
  itemViews: readonly { id: string }[];
  verdictInputs: readonly LotItemInput[];
  notes: Record<string, string | null>;
  recordedPoints: Record<string, RecordedPoint[]>;
}): Record<string, EntryInput> {
  return Object.fromEntries(
    view.itemViews.map((item, i) => [
      item.id,
      emptyEntry(
        item.id,
        view.verdictInputs[i],
        view.notes[item.id] ?? null,
        view.recordedPoints[item.id],
      ),
    ]),
  );
}
