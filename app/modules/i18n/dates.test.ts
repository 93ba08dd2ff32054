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
