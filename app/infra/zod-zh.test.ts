import { describe, expect, it } from "vitest";
import { z } from "./zod";
import { decimalInt, decimalNumber, parseCalendarDay } from "./zod-zh";

describe("boundary parsing", () => {
  it("takes decimal digits only", () => {
    expect(decimalInt().safeParse("16").data).toBe(16);
    for (const bad of ["0x10", "1e1", "0b1", "1_0", "Infinity", "", " ", "-1", "1.5"])
      expect(decimalInt().safeParse(bad).success, bad).toBe(false);
    expect(decimalNumber().safeParse("0.25").data).toBe(0.25);
    expect(decimalNumber().safeParse("1e-3").data).toBe(0.001);
    for (const bad of ["0x10", "NaN", "Infinity", "", "1,5"])
      expect(decimalNumber().safeParse(bad).success, bad).toBe(false);
  });

  it("takes real calendar days only", () => {
    expect(parseCalendarDay("2024-02-29")?.toISOString()).toBe("2024-02-28T16:00:00.000Z");
    for (const bad of ["2021-02-30", "2023-02-29", "2021-13-01", "2021-04-31", "2021-2-3", "x"])
      expect(parseCalendarDay(bad), bad).toBeNull();
  });

  it("speaks Chinese where a schema gives no message of its own", () => {
    const schema = z.object({ name: z.string().max(3), kind: z.enum(["a", "b"]), n: z.number() });
    const issues = schema.safeParse({ name: "abcdef", kind: "c" }).error?.issues ?? [];
    expect(issues.map((i) => i.message)).toEqual(["不能超过 3 个字", "选项无效", "请填写此项"]);
    expect(issues.map((i) => i.message).join("")).not.toMatch(/[A-Za-z]{3}/);
  });
});
