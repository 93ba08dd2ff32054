import type { Translate } from "~/modules/defect/labels";
import { captureTimeNote, type TimeNote } from "./labels";

/** What the browser gets about one photo; files are fetched through /photos/:id/:variant. */
export type PhotoView = {
  id: string;
  itemId: string | null;
  capturedAt: string | null;
  uploadedAt: string;
  uploadedBy: string;
  device: string | null;
  hasGps: boolean;
  sha256: string;
  timeNote: TimeNote | null;
};

export function toPhotoView(row: {
  id: string;
  itemId: string | null;
  sha256: string;
  capturedAt: Date | null;
  uploadedAt: Date;
  device: string | null;
  gpsLat: number | null;
  uploadedBy: { displayName: string };
}): PhotoView {
  return {
    id: row.id,
    itemId: row.itemId,
    capturedAt: row.capturedAt?.toISOString() ?? null,
    uploadedAt: row.uploadedAt.toISOString(),
    uploadedBy: row.uploadedBy.displayName,
    device: row.device,
    hasGps: row.gpsLat !== null,
    sha256: row.sha256,
    timeNote: captureTimeNote(row.capturedAt, row.uploadedAt),
  };
}

export const photoUrl = (id: string, variant: "thumb" | "display" | "original") =>
  `/photos/${id}/${variant}`;

/** One file's answer from a photo upload route (lot or defect), as the uploader reads it. */
export type UploadResult =
  | { ok: true; name: string; photoId: string; duplicate: boolean }
  | { ok: false; name: string; message: string };

/** A capture-time note in `t`'s language. */
export function timeNoteText(t: Translate, note: TimeNote): string {
  return "count" in note
    ? t(`photo:timeNote.${note.code}`, { count: note.count })
    : t(`photo:timeNote.${note.code}`);
}
