import { describe, expect, it } from "vitest";
import { phaseState, trendFromRanges, trendWeeks, weeklyTrend, weekStart } from "./trend";

const d = (iso: string) => new Date(`${iso}T10:00:00+08:00`);

describe("dashboard trend", () => {
  it("starts weeks on Monday in China time", () => {
    expect(new Date(weekStart(d("2021-05-13"))).toISOString()).toBe("2021-05-09T16:00:00.000Z");
    expect(weekStart(d("2021-05-10"))).toBe(weekStart(d("2021-05-16")));
  });

  it("counts opened and closed per week, and what is still open at each week's end, up to the last activity", () => {
    const trend = weeklyTrend(
      [
        { createdAt: d("2021-05-10"), closedAt: d("2021-05-19") },
        { createdAt: d("2021-05-12"), closedAt: null },
        { createdAt: d("2021-05-18"), closedAt: d("2021-05-20") },
      ],
      d("2021-05-26"),
    );
    expect(trend).toEqual([
      { week: "05-10", opened: 2, closed: 0, open: 2 },
      { week: "05-17", opened: 1, closed: 2, open: 1 },
    ]);
  });

  it("gives the same trend from counts of the shown weeks only (open now − opened since + closed since)", () => {
    const defects = [
      { createdAt: d("2021-04-01"), closedAt: d("2021-05-12") },
      { createdAt: d("2021-05-10"), closedAt: d("2021-05-19") },
      { createdAt: d("2021-05-12"), closedAt: null },
      { createdAt: d("2021-05-18"), closedAt: d("2021-05-20") },
      { createdAt: d("2021-05-25"), closedAt: null },
    ];
    // today in the week of 05-17: the week after it is counted, not shown
    const now = d("2021-05-19");
    const weeks = trendWeeks(
      { firstOpened: d("2021-04-01"), lastOpened: d("2021-05-25"), lastClosed: d("2021-05-20") },
      now,
      3,
    );
    const end = weeks.at(-1)! + 7 * 86_400_000;
    const inWeek = (at: Date | null, w: number) =>
      at !== null && at.getTime() >= w && at.getTime() < w + 7 * 86_400_000;
    const trend = trendFromRanges(weeks, {
      openNow: defects.filter((x) => x.closedAt === null).length,
      opened: weeks.map((w) => defects.filter((x) => inWeek(x.createdAt, w)).length),
      closed: weeks.map((w) => defects.filter((x) => inWeek(x.closedAt, w)).length),
      openedAfter: defects.filter((x) => x.createdAt.getTime() >= end).length,
      closedAfter: defects.filter((x) => x.closedAt && x.closedAt.getTime() >= end).length,
    });
    expect(trend).toEqual(weeklyTrend(defects, now, 3));
    expect(trend).toEqual([
      { week: "05-03", opened: 0, closed: 0, open: 1 },
      { week: "05-10", opened: 2, closed: 1, open: 2 },
      { week: "05-17", opened: 1, closed: 2, open: 1 },
    ]);
  });

  it("places phases against today", () => {
    const phase = { startsOn: d("2021-04-16"), endsOn: d("2021-07-15") };
    expect(phaseState(phase, d("2021-04-01"))).toBe("upcoming");
    expect(phaseState(phase, d("2021-07-15"))).toBe("current");
    expect(phaseState(phase, d("2021-07-17"))).toBe("done");
    expect(phaseState({ ...phase, endsOn: null }, d("2030-01-01"))).toBe("current");
  });
});
