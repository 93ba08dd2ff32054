import { parseDecimal } from "./decimal";
import type { EntryInput } from "./entry-types";
import type { LotMessage } from "./messages";

/**
 * One item's plain form post (the lot page without JavaScript): which button was pressed and the
 * fields beside it. `result` sets the item's result, `op=point` appends the typed value, `remove`
 * withdraws one point by index (kept on record, struck through: decision 0016), and the note and design value are taken as shown in the form.
 */
export type ItemFormFields = {
  result?: string | null;
  op?: string | null;
  point?: string | null;
  pointDesign?: string | null;
  remove?: string | null;
  note?: string | null;
  designValue?: string | null;
};

export type ItemFormOutcome = { ok: true; entry: EntryInput } | { ok: false; message: LotMessage };

const RESULTS = new Set(["pass", "fail", "na"]);

/** The item's record after the form post, or why the post cannot be applied (nothing changes). */
export function entryFromItemForm(current: EntryInput, fields: ItemFormFields): ItemFormOutcome {
  const next: EntryInput = { ...current, points: [...current.points] };
  if (fields.note !== undefined && fields.note !== null) {
    next.note = fields.note.trim() === "" ? null : fields.note.trim();
  }
  if (fields.designValue !== undefined && fields.designValue !== null) {
    if (fields.designValue.trim() === "") next.designValue = null;
    else {
      const design = parseDecimal(fields.designValue);
      if (design === null) return { ok: false, message: { key: "lot:errors.designNotNumber" } };
      next.designValue = design;
    }
  }
  if (fields.result) {
    if (!RESULTS.has(fields.result))
      return { ok: false, message: { key: "lot:errors.unknownResult" } };
    next.result = fields.result as EntryInput["result"];
  }
  if (fields.remove !== undefined && fields.remove !== null && fields.remove !== "") {
    const index = Number(fields.remove);
    if (!Number.isInteger(index) || index < 0 || index >= next.points.length)
      return { ok: false, message: { key: "lot:errors.pointMissing" } };
    if (next.points[index]!.removed)
      return { ok: false, message: { key: "lot:errors.pointAlreadyWithdrawn" } };
    next.points[index] = { ...next.points[index]!, removed: true };
  }
  if (fields.op === "point") {
    const text = (fields.point ?? "").trim();
    const value = parseDecimal(text);
    if (value === null) return { ok: false, message: { key: "lot:errors.pointNotNumber" } };
    const designText = (fields.pointDesign ?? "").trim();
    const design = designText === "" ? null : parseDecimal(designText);
    if (designText !== "" && design === null)
      return { ok: false, message: { key: "lot:errors.designNotNumber" } };
    next.points.push({ value, serious: false, text: text.replace(",", "."), design });
  }
  return { ok: true, entry: next };
}
