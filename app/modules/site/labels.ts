import type { TFunction } from "i18next";
import en from "~/locales/en/site";
import zh from "~/locales/zh-CN/site";
import { DEFAULT_LNG, type Lng } from "~/modules/i18n/config";

/** 室外区域 kinds, in the order a compound page lists them (words: site:zoneKind.*). */
export const ZONE_KINDS = [
  "road",
  "pipe",
  "septic",
  "green",
  "rubbish",
  "fitness",
  "parking",
  "demolition",
] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

export const isZoneKind = (kind: string): kind is ZoneKind =>
  (ZONE_KINDS as readonly string[]).includes(kind);

/** A zone kind in the reader's language (an unknown kind as written). */
export function zoneKindText(t: TFunction<"site"> | TFunction, kind: string): string {
  return isZoneKind(kind) ? (t as TFunction<"site">)(`site:zoneKind.${kind}` as never) : kind;
}

/** An amount in yuan: ¥12.5 万元 / ¥125,000 (万 is how Chinese budgets count). */
export function formatYuan(yuan: number, lng: Lng = DEFAULT_LNG): string {
  if (lng === "en") return `¥${yuan.toLocaleString("en")} ${en.money.yuan}`;
  return yuan >= 10_000
    ? `¥${(yuan / 10_000).toLocaleString("zh-CN")} ${zh.money.tenThousandYuan}`
    : `¥${yuan.toLocaleString("zh-CN")} ${zh.money.yuan}`;
}
