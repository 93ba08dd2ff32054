import type { Db } from "~/infra/db.server";
import { heavyImageWork } from "~/infra/image-work.server";
import { recordEvent } from "~/modules/audit/record.server";
import {
  PHOTO_VIEW_SELECT,
  type PhotoUpload,
  photoRowData,
  withPhotoFiles,
} from "~/modules/photo/photos.server";
import { processPhoto } from "~/modules/photo/pipeline.server";
import type { PhotoStorage } from "~/modules/photo/storage.server";
import { toPhotoView } from "~/modules/photo/view";
import { record } from "./record.server";

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
  const user = await db.user.findUniqueOrThrow({
    where: { id: viewer.id },
    select: { displayName: true, organization: { select: { shortName: true } } },
  });
  const processed = await heavyImageWork(() =>
    processPhoto(
      upload.bytes,
      {
        ...watermark,
        user: record("residents:record.photographer", {
          name: user.displayName,
          org: user.organization.shortName,
        }),
      },
      { name: upload.name, now },
    ),
  );
  const attachKey = residentAttachKey(owner);
  const already = await db.photo.findUnique({
    where: { sha256_attachKey: { sha256: processed.sha256, attachKey } },
    select: { id: true },
  });
  if (already) return already;
  return withPhotoFiles(db, storage, upload.bytes, processed, () =>
    db.$transaction(async (tx) => {
      const row = await tx.photo.create({
        // No GPS or device kept for residents' homes: only what the pipeline's row needs.
        data: {
          ...photoRowData(processed, upload.name, viewer.id, now),
          role: owner.role,
          attachKey,
        },
        select: { id: true },
      });
      await recordEvent(
        tx,
        {
          actorId: viewer.id,
          action: "photo.attach",
          entityType: "Photo",
          entityId: row.id,
          data: { attachKey, sha256: processed.sha256, displaySha256: processed.display.sha256 },
        },
        now,
      );
      return row;
    }),
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
    select: { attachKey: true, sha256: true, displaySha256: true, thumbSha256: true, format: true },
  });
  const m = row?.attachKey.match(/^(warranty|illegal):([^:]+):(before|after)$/);
  if (!row || !m) return null;
  return { kind: m[1] as "warranty" | "illegal", id: m[2] ?? "", photo: row };
}
