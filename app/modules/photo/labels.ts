/** Pure texts about photos: the watermark's lines and the note on a doubtful capture time. */
import type { Translate } from "~/modules/defect/labels";

export type WatermarkInfo = {
  project: string;
  compound: string;
  place: string;
  workType: string;
  /** checklist item code, when the photo belongs to one item */
  item?: string | null;
  /** who uploads, e.g. "Wang (Zhengheng Supervision)" */
  user: string;
};

/** A capture or upload time more than this apart is noted on the photo. */
export const CAPTURE_GAP_NOTE_HOURS = 24;

/** 2024-05-01 10:20 in China time, stable whatever the server's zone. */
export function formatPhotoTime(value: Date | string): string {
  const d = typeof value === "string" ? new Date(value) : value;
  const china = new Date(d.getTime() + 8 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${china.getUTCFullYear()}-${p(china.getUTCMonth() + 1)}-${p(china.getUTCDate())} ${p(china.getUTCHours())}:${p(china.getUTCMinutes())}`;
}

/** The watermark's lines, in `t`'s language (the pipeline passes the language of record). */
export function watermarkLines(
  info: WatermarkInfo,
  capturedAt: Date | null,
  now: Date,
  t: Translate,
): string[] {
  const time = capturedAt
    ? t("photo:watermark.captured", { time: formatPhotoTime(capturedAt) })
    : t("photo:watermark.uploaded", { time: formatPhotoTime(now) });
  return [
    t("photo:watermark.project", { project: info.project }),
    t("photo:watermark.place", { compound: info.compound, place: info.place }),
    info.item
      ? t("photo:watermark.workItem", { workType: info.workType, item: info.item })
      : t("photo:watermark.work", { workType: info.workType }),
    t("photo:watermark.by", { time, user: info.user }),
  ];
}

/** Why a capture time deserves a second look: a key of photo:timeNote.* and its count. */
export type TimeNote =
  | { code: "noExif" | "afterUpload" }
  | { code: "daysBefore" | "hoursBefore"; count: number };

/** Why a photo's capture time deserves a second look, or null when it looks right. */
export function captureTimeNote(
  capturedAt: Date | string | null,
  uploadedAt: Date | string,
): TimeNote | null {
  if (capturedAt === null) return { code: "noExif" };
  const gapHours = (new Date(uploadedAt).getTime() - new Date(capturedAt).getTime()) / 3_600_000;
  if (gapHours < -0.25) return { code: "afterUpload" };
  if (gapHours > CAPTURE_GAP_NOTE_HOURS) {
    return gapHours >= 48
      ? { code: "daysBefore", count: Math.floor(gapHours / 24) }
      : { code: "hoursBefore", count: Math.floor(gapHours) };
  }
  return null;
}
