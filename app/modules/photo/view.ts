import { captureTimeNote } from "./labels";

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
  timeNote: string | null;
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
