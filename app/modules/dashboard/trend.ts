/** Weekly counts of defects opened and closed, Monday-based weeks in China time. Pure. */
const DAY = 86_400_000;
const CHINA = 8 * 3_600_000;

export function weekStart(at: Date): number {
  const local = at.getTime() + CHINA;
  const day = Math.floor(local / DAY);
  const weekday = (new Date(day * DAY).getUTCDay() + 6) % 7;
  return (day - weekday) * DAY - CHINA;
}

export type WeekCount = { week: string; opened: number; closed: number; open: number };

export function weeklyTrend(
  defects: { createdAt: Date; closedAt: Date | null }[],
  now: Date,
  maxWeeks = 26,
): WeekCount[] {
  if (defects.length === 0) return [];
  // Up to the last week anything happened (the 2021 demo viewed years later stays readable).
  const opened = new Map<number, number>();
  const closed = new Map<number, number>();
  const add = (m: Map<number, number>, w: number) => m.set(w, (m.get(w) ?? 0) + 1);
  for (const d of defects) {
    add(opened, weekStart(d.createdAt));
    if (d.closedAt) add(closed, weekStart(d.closedAt));
  }
  return trendFromWeeks({ opened, closed }, now, maxWeeks);
}

/**
 * The same trend from per-week counts (week start in ms → defects opened / closed that week),
 * as SQL's GROUP BY gives them: no per-defect rows, no spread over them.
 */
export function trendFromWeeks(
  counts: { opened: Map<number, number>; closed: Map<number, number> },
  now: Date,
  maxWeeks = 26,
): WeekCount[] {
  if (counts.opened.size === 0) return [];
  let lastActivity = Number.NEGATIVE_INFINITY;
  let firstOpened = Number.POSITIVE_INFINITY;
  for (const w of counts.opened.keys()) {
    lastActivity = Math.max(lastActivity, w);
    firstOpened = Math.min(firstOpened, w);
  }
  for (const w of counts.closed.keys()) lastActivity = Math.max(lastActivity, w);
  // Up to the last week anything happened (the 2021 demo viewed years later stays readable).
  const last = Math.min(weekStart(now), lastActivity);
  const first = Math.max(firstOpened, last - (maxWeeks - 1) * 7 * DAY);
  // Still open at the end of a week = opened before its end − closed before its end.
  const before = (m: Map<number, number>, end: number) => {
    let n = 0;
    for (const [w, c] of m) if (w < end) n += c;
    return n;
  };
  const weeks: WeekCount[] = [];
  for (let w = first; w <= last; w += 7 * DAY) {
    const end = w + 7 * DAY;
    weeks.push({
      week: new Date(w + CHINA).toISOString().slice(5, 10),
      opened: counts.opened.get(w) ?? 0,
      closed: counts.closed.get(w) ?? 0,
      open: before(counts.opened, end) - before(counts.closed, end),
    });
  }
  return weeks;
}

/**
 * The weeks a trend shows (their starts, in ms): up to the last week anything happened but not
 * past this week, at most `maxWeeks`, not before the first defect's week. The same weeks as
 * trendFromWeeks shows, from three dates instead of every week's counts.
 */
export function trendWeeks(
  bounds: { firstOpened: Date; lastOpened: Date; lastClosed: Date | null },
  now: Date,
  maxWeeks = 26,
): number[] {
  const lastActivity = Math.max(
    weekStart(bounds.lastOpened),
    bounds.lastClosed ? weekStart(bounds.lastClosed) : Number.NEGATIVE_INFINITY,
  );
  const last = Math.min(weekStart(now), lastActivity);
  const first = Math.max(weekStart(bounds.firstOpened), last - (maxWeeks - 1) * 7 * DAY);
  const weeks: number[] = [];
  for (let w = first; w <= last; w += 7 * DAY) weeks.push(w);
  return weeks;
}

/**
 * The trend from counts over the shown weeks only: defects opened / closed in each week, after
 * the last one, and how many are open now. Still open at a week's end = open now − opened
 * since + closed since, so nothing before the first shown week is read.
 */
export function trendFromRanges(
  weeks: number[],
  counts: {
    openNow: number;
    opened: number[];
    closed: number[];
    openedAfter: number;
    closedAfter: number;
  },
): WeekCount[] {
  const trend: WeekCount[] = [];
  let openedSince = counts.openedAfter;
  let closedSince = counts.closedAfter;
  for (let i = weeks.length - 1; i >= 0; i--) {
    const opened = counts.opened[i] ?? 0;
    const closed = counts.closed[i] ?? 0;
    trend.push({
      week: new Date(weeks[i]! + CHINA).toISOString().slice(5, 10),
      opened,
      closed,
      open: counts.openNow - openedSince + closedSince,
    });
    openedSince += opened;
    closedSince += closed;
  }
  return trend.reverse();
}

export type PhaseState = "done" | "current" | "upcoming";
export function phaseState(phase: { startsOn: Date; endsOn: Date | null }, now: Date): PhaseState {
  if (now < phase.startsOn) return "upcoming";
  if (phase.endsOn && now.getTime() >= phase.endsOn.getTime() + DAY) return "done";
  return "current";
}
