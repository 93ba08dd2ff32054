import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { Lng } from "./config";

/** Where the programme happens; every date on a page, record, PDF or sheet is this zone's. */
export const TIME_ZONE = "Asia/Shanghai";

type DateLike = Date | string | number;

function inZone(value: DateLike): TZDate {
  return new TZDate(new Date(value).getTime(), TIME_ZONE);
}

// Records keep ISO-like dates in Chinese (what an archive expects); English reads "3 Dec 2026".
const PATTERNS: Record<Lng, { date: string; dateTime: string; time: string; month: string }> = {
  "zh-CN": { date: "yyyy-MM-dd", dateTime: "yyyy-MM-dd HH:mm", time: "HH:mm", month: "yyyy-MM" },
  en: { date: "d MMM yyyy", dateTime: "d MMM yyyy HH:mm", time: "HH:mm", month: "MMM yyyy" },
};

/** A calendar day in Beijing time: 2026-12-03 / 3 Dec 2026. */
export function formatDate(value: DateLike, lng: Lng = "zh-CN"): string {
  return format(inZone(value), PATTERNS[lng].date);
}

/** Day and minute in Beijing time: 2026-12-03 14:05 / 3 Dec 2026 14:05. */
export function formatDateTime(value: DateLike, lng: Lng = "zh-CN"): string {
  return format(inZone(value), PATTERNS[lng].dateTime);
}

export function formatTime(value: DateLike, lng: Lng = "zh-CN"): string {
  return format(inZone(value), PATTERNS[lng].time);
}

export function formatMonth(value: DateLike, lng: Lng = "zh-CN"): string {
  return format(inZone(value), PATTERNS[lng].month);
}

/** 'YYYY-MM-DD' of the Beijing day an instant falls on (form defaults, file names, day keys). */
export function isoDay(value: DateLike): string {
  return format(inZone(value), "yyyy-MM-dd");
}
