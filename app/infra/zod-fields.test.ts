import { describe, expect, it } from "vitest";
import { decimalInt, decimalNumber, parseCalendarDay } from "./zod-fields";

describe("boundary parsing", () => {
  it("takes decimal digits only, refusing with the schema's own message", () => {
    expect(decimalInt("whole").safeParse("16").data).toBe(16);
    for (const bad of ["0x10", "1e1", "0b1", "1_0", "Infinity", "", " ", "-1", "1.5"])
      expect(decimalInt("whole").safeParse(bad).error?.issues[0]?.message, bad).toBe("whole");
    expect(decimalNumber("decimal").safeParse("0.25").data).toBe(0.25);
    expect(decimalNumber("decimal").safeParse("1e-3").data).toBe(0.001);
    for (const bad of ["0x10", "NaN", "Infinity", "", "1,5"])
      expect(decimalNumber("decimal").safeParse(bad).error?.issues[0]?.message, bad).toBe(
        "decimal",
      );
  });

  it("takes real calendar days only", () => {
    expect(parseCalendarDay("2024-02-29")?.toISOString()).toBe("2024-02-28T16:00:00.000Z");
    for (const bad of ["2021-02-30", "2023-02-29", "2021-13-01", "2021-04-31", "2021-2-3", "x"])
      expect(parseCalendarDay(bad), bad).toBeNull();
  });
});
