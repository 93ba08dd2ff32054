import { describe, expect, it } from "vitest";
import { EntrySchema, parseDecimal } from "./forms";

describe("lot forms", () => {
  it("reads decimals typed with a comma or spaces, refuses anything else", () => {
    expect(parseDecimal(" 1.05 ")).toBe(1.05);
    expect(parseDecimal("1,05")).toBe(1.05);
    expect(parseDecimal("-10")).toBe(-10);
    expect(parseDecimal(".5")).toBe(0.5);
    expect(parseDecimal("1.0.5")).toBeNull();
    expect(parseDecimal("abc")).toBeNull();
    expect(parseDecimal("")).toBeNull();
  });

  it("accepts an entry and trims its note", () => {
    const parsed = EntrySchema.parse({
      itemId: "x",
      result: "pass",
      note: "  ok ",
      designValue: null,
      points: [{ value: 1.1, text: "1.10" }],
    });
    expect(parsed).toEqual({
      itemId: "x",
      result: "pass",
      note: "ok",
      designValue: null,
      points: [{ value: 1.1, serious: false, text: "1.10", design: null }],
    });
  });

  it("refuses an unknown result and a non-numeric point", () => {
    expect(
      EntrySchema.safeParse({
        itemId: "x",
        result: "good",
        note: null,
        designValue: null,
        points: [],
      }).success,
    ).toBe(false);
    expect(
      EntrySchema.safeParse({
        itemId: "x",
        result: null,
        note: null,
        designValue: null,
        points: [{ value: "1" }],
      }).success,
    ).toBe(false);
  });
});
