import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, isoDay } from "./dates";

describe("dates are Beijing time, one format per language", () => {
  // 2026-12-02T17:30Z is already 3 December, 01:30 in Beijing (UTC+8, no daylight saving).
  const lateUtc = new Date("2026-12-02T17:30:00Z");

  it("puts an instant on the Beijing calendar day, whatever the server's zone", () => {
    expect(isoDay(lateUtc)).toBe("2026-12-03");
    expect(formatDate(lateUtc)).toBe("2026-12-03");
    expect(formatDateTime(lateUtc)).toBe("2026-12-03 01:30");
  });

  it("writes English dates with the month's name", () => {
    expect(formatDate(lateUtc, "en")).toBe("3 Dec 2026");
    expect(formatDateTime("2026-12-02T17:30:00Z", "en")).toBe("3 Dec 2026 01:30");
  });
});

describe("the native formats write what date-fns wrote", () => {
  it("agrees with date-fns + @date-fns/tz over instants from 1995 to 2040, both languages", async () => {
    const { format } = await import("date-fns");
    const { TZDate } = await import("@date-fns/tz");
    const { formatMonth, formatTime } = await import("./dates");
    const from = Date.UTC(1995, 0, 1);
    const span = Date.UTC(2040, 0, 1) - from;
    for (let i = 0; i < 600; i++) {
      // Deterministic spread, including minutes either side of Beijing midnight.
      const t = from + Math.floor((span * ((i * 7919) % 600)) / 600) + (i % 7) * 60_000;
      const z = new TZDate(t, "Asia/Shanghai");
      expect(formatDateTime(t)).toBe(format(z, "yyyy-MM-dd HH:mm"));
      expect(formatDateTime(t, "en")).toBe(format(z, "d MMM yyyy HH:mm"));
      expect(formatMonth(t, "en")).toBe(format(z, "MMM yyyy"));
      expect(formatTime(t)).toBe(format(z, "HH:mm"));
      expect(isoDay(t)).toBe(format(z, "yyyy-MM-dd"));
    }
  });

  it("refuses an invalid date as date-fns did", () => {
    expect(() => formatDate("not a date")).toThrow(RangeError);
  });
});
