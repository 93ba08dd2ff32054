import type { Lng } from "./config";

/** Where the programme happens; every date on a page, record, PDF or sheet is this zone's. */
export const TIME_ZONE = "Asia/Shanghai";

type DateLike = Date | string | number;

// Native Intl, not date-fns: these formats are on every page and date-fns with its time-zone
// companion was 7 KB gz of the tablet's JS. Numbers only; month names below (date-fns' en-US).
const PARTS = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

type Fields = {
  yyyy: string;
  MM: string;
  dd: string;
  d: string;
  MMM: string;
  HH: string;
  mm: string;
};

function inZone(value: DateLike): Fields {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError("Invalid time value");
  const p: Record<string, string> = {};
  for (const { type, value: v } of PARTS.formatToParts(date)) p[type] = v;
  const month = Number(p.month);
  return {
    yyyy: (p.year ?? "").padStart(4, "0"),
    MM: p.month ?? "",
    dd: p.day ?? "",
    d: String(Number(p.day)),
    MMM: MONTHS[month - 1] ?? "",
    HH: p.hour ?? "",
    mm: p.minute ?? "",
  };
}

// Records keep ISO-like dates in Chinese (what an archive expects); English reads "3 Dec 2026".
const PATTERNS: Record<
  Lng,
  Record<"date" | "dateTime" | "time" | "month", (f: Fields) => string>
> = {
  "zh-CN": {
    date: (f) => `${f.yyyy}-${f.MM}-${f.dd}`,
    dateTime: (f) => `${f.yyyy}-${f.MM}-${f.dd} ${f.HH}:${f.mm}`,
    time: (f) => `${f.HH}:${f.mm}`,
    month: (f) => `${f.yyyy}-${f.MM}`,
  },
  en: {
    date: (f) => `${f.d} ${f.MMM} ${f.yyyy}`,
    dateTime: (f) => `${f.d} ${f.MMM} ${f.yyyy} ${f.HH}:${f.mm}`,
    time: (f) => `${f.HH}:${f.mm}`,
    month: (f) => `${f.MMM} ${f.yyyy}`,
  },
};

function format(value: DateLike, lng: Lng, kind: "date" | "dateTime" | "time" | "month") {
  return PATTERNS[lng][kind](inZone(value));
}

/** A calendar day in Beijing time: 2026-12-03 / 3 Dec 2026. */
export function formatDate(value: DateLike, lng: Lng = "zh-CN"): string {
  return format(value, lng, "date");
}

/** Day and minute in Beijing time: 2026-12-03 14:05 / 3 Dec 2026 14:05. */
export function formatDateTime(value: DateLike, lng: Lng = "zh-CN"): string {
  return format(value, lng, "dateTime");
}

export function formatTime(value: DateLike, lng: Lng = "zh-CN"): string {
  return format(value, lng, "time");
}

export function formatMonth(value: DateLike, lng: Lng = "zh-CN"): string {
  return format(value, lng, "month");
}

/** 'YYYY-MM-DD' of the Beijing day an instant falls on (form defaults, file names, day keys). */
export function isoDay(value: DateLike): string {
  return format(value, "zh-CN", "date");
}
