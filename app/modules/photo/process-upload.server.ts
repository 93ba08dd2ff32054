/**
 * The steps every kind of photo shares, whatever it is attached to: the pipeline run with the
 * uploader burnt in, and (for photos named only by an attachKey) the row with its event.
 */
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { heavyImageWork } from "~/infra/image-work.server";
import { recordEvent } from "~/modules/audit/record.server";
import { recordT } from "~/modules/defect/labels";
import type { PhotoUpload, photoRowData } from "./photos.server";
import { type ProcessedPhoto, processPhoto } from "./pipeline.server";

type Watermark = Parameters<typeof processPhoto>[1];

/**
 * Runs an upload through the pipeline (on the heavy-work queue) with the uploader's name and
 * organisation burnt in, in the language of record: the one way every kind of photo is made.
 */
export async function processUpload(
  db: Db,
  viewer: { id: string },
  watermark: Omit<Watermark, "user">,
  upload: PhotoUpload,
  options: { now: Date; maxPixels?: number },
): Promise<ProcessedPhoto> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: viewer.id },
    select: { displayName: true, organization: { select: { shortName: true } } },
  });
  const signature = recordT()("photo:watermark.user", {
    name: user.displayName,
    org: user.organization.shortName,
  });
  return heavyImageWork(() =>
    processPhoto(
      upload.bytes,
      { ...watermark, user: signature },
      { name: upload.name, now: options.now, maxPixels: options.maxPixels, sha256: upload.sha256 },
    ),
  );
}

/**
 * A Photo row named only by its attachKey (no lot or defect link: 隐蔽工程 records, warranty and
 * illegal-structure cases; no GPS or device kept) and its photo.attach event, in the caller's
 * transaction.
 */
export async function createKeyedPhoto(
  tx: Prisma.TransactionClient,
  viewer: { id: string },
  row: ReturnType<typeof photoRowData>,
  owner: { attachKey: string; role: "evidence" | "before" | "after" },
  now: Date,
) {
  const photo = await tx.photo.create({ data: { ...row, ...owner }, select: { id: true } });
  await recordEvent(
    tx,
    {
      actorId: viewer.id,
      action: "photo.attach",
      entityType: "Photo",
      entityId: photo.id,
      data: { attachKey: owner.attachKey, sha256: row.sha256, displaySha256: row.displaySha256 },
    },
    now,
  );
  return photo;
}
