/**
 * Severities and due days of a defect (整改期限), China time. Apart from the workflow so the
 * tablet's offline defect form loads without the permission matrix (decision 0036).
 */
export const SEVERITIES = ["general", "major", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Default rectification period per severity, in calendar days (editable when raising). */
export const DEFAULT_DUE_DAYS: Record<Severity, number> = {
  general: 7,
  major: 3,
  critical: 1,
};

export const DAY_MS = 24 * 60 * 60 * 1000;
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** 00:00 China time of the calendar day (China time) containing `at`. */
export function chinaDayStart(at: Date): Date {
  const shifted = at.getTime() + CHINA_OFFSET_MS;
  return new Date(shifted - (((shifted % DAY_MS) + DAY_MS) % DAY_MS) - CHINA_OFFSET_MS);
}

/** The default due day: today (China time) plus the severity's period. */
export function defaultDueOn(severity: Severity, now: Date): Date {
  return new Date(chinaDayStart(now).getTime() + DEFAULT_DUE_DAYS[severity] * DAY_MS);
}

/** 'YYYY-MM-DD' of a due day (China time), for date inputs and display. */
export function dueOnIso(dueOn: Date): string {
  return new Date(dueOn.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Parses 'YYYY-MM-DD' as that China-time day; null when not a valid date. */
export function parseDueOn(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const at = new Date(`${value}T00:00:00+08:00`);
  // A rolled-over day (2021-02-30 → 03-02) reads back differently: refused.
  return Number.isNaN(at.getTime()) || dueOnIso(at) !== value ? null : at;
}
