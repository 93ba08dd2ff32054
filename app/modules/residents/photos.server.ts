import type { Db } from "~/infra/db.server";
import {
  PHOTO_VIEW_SELECT,
  type PhotoUpload,
  photoRowData,
  withPhotoFiles,
} from "~/modules/photo/photos.server";
import { createKeyedPhoto, processUpload } from "~/modules/photo/process-upload.server";
import type { PhotoStorage } from "~/modules/photo/storage.server";
import { toPhotoView } from "~/modules/photo/view";

/**
 * Photos of warranty defects and illegal structures go through the photo pipeline's exported
 * functions (processPhoto, storage) into the same Photo table, named by their attachKey
 * (warranty:<id>:before, illegal:<id>:after…) with no lot or defect link, so the start-up sweep
 * keeps their files and the lot/defect photo routes never serve them.
 */
export type ResidentPhotoOwner = {
  kind: "warranty" | "illegal";
  id: string;
  role: "before" | "after";
};
export const residentAttachKey = (o: ResidentPhotoOwner) => `${o.kind}:${o.id}:${o.role}`;

export async function storeResidentPhoto(
  db: Db,
  storage: PhotoStorage,
  viewer: { id: string },
  owner: ResidentPhotoOwner,
  watermark: {
    project: string;
    compound: string;
    place: string;
    workType: string;
    item: string | null;
  },
  upload: PhotoUpload,
  now = new Date(),
) {
  const processed = await processUpload(db, viewer, watermark, upload, { now });
  const attachKey = residentAttachKey(owner);
  const already = await db.photo.findUnique({
    where: { sha256_attachKey: { sha256: processed.sha256, attachKey } },
    select: { id: true },
  });
  if (already) return already;
  return withPhotoFiles(db, storage, upload.bytes, processed, () =>
    db.$transaction((tx) =>
      createKeyedPhoto(
        tx,
        viewer,
        photoRowData(processed, upload.name, viewer.id, now),
        { attachKey, role: owner.role },
        now,
      ),
    ),
  );
}

/** Photos of one owner (both roles), oldest first. */
export async function residentPhotos(db: Db, kind: "warranty" | "illegal", id: string) {
  const rows = await db.photo.findMany({
    where: { attachKey: { in: [`${kind}:${id}:before`, `${kind}:${id}:after`] } },
    select: { ...PHOTO_VIEW_SELECT, role: true },
    orderBy: [{ uploadedAt: "asc" }, { id: "asc" }],
  });
  return {
    before: rows.filter((r) => r.role === "before").map(toPhotoView),
    after: rows.filter((r) => r.role === "after").map(toPhotoView),
  };
}

/** The owner a resident photo belongs to, parsed from its attachKey; null for other photos. */
export async function residentPhotoOwner(db: Db, photoId: string) {
  const row = await db.photo.findUnique({
    where: { id: photoId },
    select: {
      attachKey: true,
      sha256: true,
      format: true,
      displaySha256: true,
      displayFormat: true,
      thumbSha256: true,
    },
  });
  const m = row?.attachKey.match(/^(warranty|illegal):([^:]+):(before|after)$/);
  if (!row || !m) return null;
  return { kind: m[1] as "warranty" | "illegal", id: m[2] ?? "", photo: row };
}
