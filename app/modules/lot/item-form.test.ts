import { describe, expect, it } from "vitest";
import type { EntryInput } from "./entry-types";
import { entryFromItemForm } from "./item-form";

const current: EntryInput = {
  itemId: "i1",
  result: null,
  note: "东侧",
  designValue: null,
  points: [{ value: 1.1, serious: false, text: "1.10", design: null }],
};

describe("an item's plain form post (lot page without JavaScript)", () => {
  it("appends the typed point after the ones already recorded, keeping its text", () => {
    const out = entryFromItemForm(current, { op: "point", point: " 1,08 ", note: "东侧" });
    expect(out).toEqual({
      ok: true,
      entry: {
        ...current,
        points: [current.points[0], { value: 1.08, serious: false, text: "1.08", design: null }],
      },
    });
  });

  it("sets the result from the pressed button and the note as shown in the form", () => {
    const out = entryFromItemForm(current, { result: "fail", note: " 有松动 " });
    expect(out.ok && out.entry.result).toBe("fail");
    expect(out.ok && out.entry.note).toBe("有松动");
    expect(out.ok && out.entry.points).toHaveLength(1);
  });

  it("withdraws one point by its position, keeping it on record (decision 0016)", () => {
    const out = entryFromItemForm(current, { remove: "0" });
    expect(out.ok && out.entry.points).toHaveLength(1);
    expect(out.ok && out.entry.points[0]?.removed).toBe(true);
    const again = out.ok ? entryFromItemForm(out.entry, { remove: "0" }) : out;
    expect(again).toEqual({ ok: false, message: { key: "lot:errors.pointAlreadyWithdrawn" } });
  });

  it("refuses what is not a number or not a known result, so nothing is saved", () => {
    expect(entryFromItemForm(current, { op: "point", point: "abc" })).toEqual({
      ok: false,
      message: { key: "lot:errors.pointNotNumber" },
    });
    expect(entryFromItemForm(current, { result: "maybe" }).ok).toBe(false);
    expect(entryFromItemForm(current, { remove: "3" }).ok).toBe(false);
    expect(entryFromItemForm(current, { designValue: "x" }).ok).toBe(false);
  });

  it("an empty note clears it; a missing field leaves it alone", () => {
    expect(entryFromItemForm(current, { note: "  " }).ok && current.note).toBe("东侧");
    const cleared = entryFromItemForm(current, { note: "" });
    expect(cleared.ok && cleared.entry.note).toBeNull();
    const kept = entryFromItemForm(current, { result: "pass" });
    expect(kept.ok && kept.entry.note).toBe("东侧");
  });
});
