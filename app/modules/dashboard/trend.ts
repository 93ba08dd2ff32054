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
  const activity = defects.flatMap((d) => (d.closedAt ? [d.createdAt, d.closedAt] : [d.createdAt]));
  const last = Math.min(weekStart(now), Math.max(...activity.map(weekStart)));
  const first = Math.max(
    Math.min(...defects.map((d) => weekStart(d.createdAt))),
    last - (maxWeeks - 1) * 7 * DAY,
  );
  const weeks: WeekCount[] = [];
  for (let w = first; w <= last; w += 7 * DAY) {
    const end = w + 7 * DAY;
    const inWeek = (d: Date | null) => d !== null && d.getTime() >= w && d.getTime() < end;
    weeks.push({
      week: new Date(w + CHINA).toISOString().slice(5, 10),
      opened: defects.filter((d) => inWeek(d.createdAt)).length,
      closed: defects.filter((d) => inWeek(d.closedAt)).length,
      open: defects.filter(
        (d) => d.createdAt.getTime() < end && (d.closedAt === null || d.closedAt.getTime() >= end),
      ).length,
    });
  }
  return weeks;
}

export type PhaseState = "done" | "current" | "upcoming";
export function phaseState(phase: { startsOn: Date; endsOn: Date | null }, now: Date): PhaseState {
  if (now < phase.startsOn) return "upcoming";
  if (phase.endsOn && now.getTime() >= phase.endsOn.getTime() + DAY) return "done";
  return "current";
}
