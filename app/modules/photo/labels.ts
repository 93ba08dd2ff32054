/** Pure texts about photos: the watermark's lines and the note on a doubtful capture time. */

export type WatermarkInfo = {
  project: string;
  compound: string;
  place: string;
  workType: string;
  /** checklist item code, when the photo belongs to one item */
  item?: string | null;
  /** who uploads, e.g. 王工（正衡监理） */
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

export function watermarkLines(info: WatermarkInfo, capturedAt: Date | null, now: Date): string[] {
  const time = capturedAt
    ? `拍摄时间：${formatPhotoTime(capturedAt)}`
    : `上传时间：${formatPhotoTime(now)}（照片无拍摄时间）`;
  return [
    `项目：${info.project}`,
    `小区：${info.compound}　部位：${info.place}`,
    `工程：${info.workType}${info.item ? `　检查项目：${info.item}` : ""}`,
    `${time}　拍摄人：${info.user}`,
  ];
}

/** Why a photo's capture time deserves a second look, or null when it looks right. */
export function captureTimeNote(capturedAt: Date | string | null, uploadedAt: Date | string) {
  if (capturedAt === null) return "照片无拍摄时间信息（EXIF），以上传时间为准";
  const gapHours = (new Date(uploadedAt).getTime() - new Date(capturedAt).getTime()) / 3_600_000;
  if (gapHours < -0.25) return "拍摄时间晚于上传时间，相机时钟可能有误";
  if (gapHours > CAPTURE_GAP_NOTE_HOURS) {
    return gapHours >= 48
      ? `拍摄时间早于上传时间 ${Math.floor(gapHours / 24)} 天`
      : `拍摄时间早于上传时间 ${Math.floor(gapHours)} 小时`;
  }
  return null;
}
