import { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import type { UploadedFile } from "~/infra/multipart.server";
import { uploadRefusal } from "~/infra/upload-error";
import { recordEvent } from "~/modules/audit/record.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { defectWhere } from "~/modules/defect/access.server";
import { lotWhere } from "~/modules/lot/access.server";
import { commandApplied, type OfflineCommand } from "~/modules/lot/commands.server";
import {
  assertLotStateUnchanged,
  requireLot,
  requireRecordableLot,
} from "~/modules/lot/lots.server";
import { type ProcessedPhoto, type processPhoto, sha256Of } from "./pipeline.server";
import { processUpload } from "./process-upload.server";
import { type PhotoStorage, photoKey, type Variant } from "./storage.server";
import { toPhotoView } from "./view";

type Viewer = Actor & { id: string };

/** `sha256`: the bytes' hash when the parser computed it while the upload streamed. */
export type PhotoUpload = { bytes: Buffer; name: string; sha256?: string };

/**
 * A spooled photo read for the pipeline (which checks every byte and decodes it anyway): one
 * photo of a request in memory at a time, instead of the whole batch as the body arrived.
 */
export const photoUploadOf = async (file: UploadedFile): Promise<PhotoUpload> => ({
  name: file.name,
  sha256: file.sha256,
  bytes: await file.readBytes(),
});
export type LotPhotoTarget = { lotId: string; itemId: string | null };

export const PHOTO_VIEW_SELECT = {
  id: true,
  itemId: true,
  sha256: true,
  width: true,
  height: true,
  capturedAt: true,
  uploadedAt: true,
  device: true,
  gpsLat: true,
  gpsLng: true,
  uploadedBy: { select: { displayName: true } },
} as const;

export const lotAttachKey = ({ lotId, itemId }: LotPhotoTarget) =>
  `lot:${lotId}:${itemId ? `item:${itemId}` : "lot"}:evidence`;

async function existing(db: Db, sha256: string, attachKey: string) {
  return db.photo.findUnique({
    where: { sha256_attachKey: { sha256, attachKey } },
    select: PHOTO_VIEW_SELECT,
  });
}

/** Removes files this upload created, unless another photo row already points at them. */
async function removeUnreferenced(db: Db, storage: PhotoStorage, created: string[]) {
  for (const key of created) {
    const sha = key.slice(key.lastIndexOf("/") + 1);
    const used = await db.photo.count({
      where: { OR: [{ sha256: sha }, { displaySha256: sha }, { thumbSha256: sha }] },
    });
    if (used === 0) await storage.remove(key);
  }
}

/**
 * Writes a processed photo's three files (content-addressed; the writes, each fsynced, overlap),
 * then runs `commit` (the row and its audit event); when a write or the commit fails, the files
 * this call created go again, unless another photo row points at them.
 */
export async function withPhotoFiles<T>(
  db: Db,
  storage: PhotoStorage,
  original: Buffer,
  processed: ProcessedPhoto,
  commit: () => Promise<T>,
): Promise<T> {
  const files: [Variant, string, Buffer][] = [
    ["original", processed.sha256, original],
    ["display", processed.display.sha256, processed.display.bytes],
    ["thumb", processed.thumb.sha256, processed.thumb.bytes],
  ];
  const created: string[] = [];
  try {
    const puts = await Promise.allSettled(
      files.map(async ([variant, sha, bytes]) => {
        const key = photoKey(variant, sha);
        if ((await storage.put(key, bytes)).created) created.push(key);
      }),
    );
    const failed = puts.find((p) => p.status === "rejected");
    if (failed) throw failed.reason;
    return await commit();
  } catch (error) {
    await removeUnreferenced(db, storage, created);
    throw error;
  }
}

/** The columns of a photo row that come from the pipeline and the upload (no owner, no GPS). */
export const photoRowData = (
  processed: ProcessedPhoto,
  name: string,
  uploadedById: string,
  uploadedAt: Date,
) => ({
  sha256: processed.sha256,
  format: processed.format,
  byteSize: processed.byteSize,
  width: processed.width,
  height: processed.height,
  displaySha256: processed.display.sha256,
  displayFormat: processed.display.format,
  thumbSha256: processed.thumb.sha256,
  capturedAt: processed.exif.capturedAt,
  originalName: name.slice(0, 200),
  uploadedById,
  uploadedAt,
});

type Watermark = Parameters<typeof processPhoto>[1];
type PhotoOwner = {
  attachKey: string;
  role: "evidence" | "before" | "after";
  lotId: string | null;
  itemId: string | null;
  defectId: string | null;
};

/**
 * Processes one upload and stores it for its owner: files first (content-addressed), then the row
 * and its audit event in one transaction; files this upload created go again if the row fails.
 * The same bytes sent again to the same owner return the first photo (retries).
 */
export async function storePhoto(
  db: Db,
  storage: PhotoStorage,
  viewer: Viewer,
  owner: PhotoOwner,
  watermark: Omit<Watermark, "user">,
  upload: PhotoUpload,
  options: { now?: Date; maxPixels?: number },
  recheck: (tx: Prisma.TransactionClient) => Promise<void>,
  /** In the row's transaction, after the insert: an outbox command's receipt. */
  receipt?: (tx: Prisma.TransactionClient, photoId: string) => Promise<void>,
) {
  const sha256 = upload.bytes.length > 0 ? (upload.sha256 ?? sha256Of(upload.bytes)) : "";
  const already = sha256 ? await existing(db, sha256, owner.attachKey) : null;
  if (already) return { photo: already, duplicate: true };

  const now = options.now ?? new Date();
  const processed = await processUpload(
    db,
    viewer,
    watermark,
    { ...upload, sha256: sha256 || undefined },
    { now, maxPixels: options.maxPixels },
  );

  try {
    const photo = await withPhotoFiles(db, storage, upload.bytes, processed, () =>
      db.$transaction(async (tx) => {
        // Re-checked in the transaction that inserts: a lot signed off (or a defect closed) while
        // this photo was being processed refuses it, instead of changing a signed record.
        await recheck(tx);
        const row = await tx.photo.create({
          data: {
            ...owner,
            ...photoRowData(processed, upload.name, viewer.id, now),
            gpsLat: processed.exif.gpsLat,
            gpsLng: processed.exif.gpsLng,
            gpsAlt: processed.exif.gpsAlt,
            device: processed.exif.device,
          },
          select: PHOTO_VIEW_SELECT,
        });
        await receipt?.(tx, row.id);
        await recordEvent(
          tx,
          {
            actorId: viewer.id,
            action: "photo.attach",
            entityType: "Photo",
            entityId: row.id,
            data: {
              ...(owner.defectId
                ? { defectId: owner.defectId, role: owner.role }
                : { lotId: owner.lotId, itemId: owner.itemId }),
              sha256: processed.sha256,
              displaySha256: processed.display.sha256,
              thumbSha256: processed.thumb.sha256,
              byteSize: processed.byteSize,
              capturedAt: processed.exif.capturedAt?.toISOString() ?? null,
            },
          },
          now,
        );
        return row;
      }),
    );
    return { photo, duplicate: false };
  } catch (error) {
    // The same photo sent twice at once: the second insert loses the race and returns the first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const first = await existing(db, processed.sha256, owner.attachKey);
      if (first) return { photo: first, duplicate: true };
    }
    throw error;
  }
}

/** A replay of a photo command: the photo it created, or a refusal when the key was another's. */
async function photoReplay(db: Db, viewerId: string, key: string, lotId: string) {
  const receipt = await commandApplied(db, viewerId, key);
  if (!receipt) return null;
  if (receipt.lotId !== lotId || receipt.kind !== "photo")
    throw uploadRefusal("lot:errors.commandKeyReused", 409);
  const photo = receipt.subjectId
    ? await db.photo.findUnique({ where: { id: receipt.subjectId }, select: PHOTO_VIEW_SELECT })
    : null;
  if (!photo) throw uploadRefusal("lot:errors.commandKeyReused", 409);
  return { photo, duplicate: true };
}

/**
 * The photo an outbox command already stored, asked before the lot's state is checked: a photo
 * stored whose answer was lost, on a lot signed since, is the tablet's (not a 冲突). Null when the
 * key has no receipt; only the viewer's own receipts, on a lot the viewer may see.
 */
export async function replayedLotPhoto(
  db: Db,
  viewer: Actor & { id: string },
  scope: Scope,
  lotId: string,
  key: string,
) {
  const { lot } = await requireLot(db, lotId, viewer, scope);
  return photoReplay(db, viewer.id, key, lot.id);
}

/**
 * Attaches one photo to a lot or to one of its checklist items, if the lot may still change.
 * With a tablet's outbox `command` (idempotency key), the receipt is written in the photo row's
 * transaction, so a replay after a lost answer returns the same photo and stores nothing.
 */
export async function attachLotPhoto(
  db: Db,
  storage: PhotoStorage,
  viewer: Viewer,
  scope: Scope,
  target: LotPhotoTarget,
  upload: PhotoUpload,
  options: { now?: Date; maxPixels?: number; command?: OfflineCommand & { key: string } } = {},
) {
  const { lot } = await requireRecordableLot(db, viewer, scope, target.lotId);
  const command = options.command;
  const replay = command ? await photoReplay(db, viewer.id, command.key, lot.id) : null;
  if (replay) return replay;
  const item = target.itemId ? lot.template.items.find((i) => i.id === target.itemId) : null;
  if (target.itemId && !item) throw uploadRefusal("photo:errors.itemNotInLot", 400);
  return storePhoto(
    db,
    storage,
    viewer,
    {
      attachKey: lotAttachKey(target),
      role: "evidence",
      lotId: lot.id,
      itemId: item?.id ?? null,
      defectId: null,
    },
    {
      project: lot.compound.project.name,
      compound: lot.compound.name,
      place: lot.placeLabel,
      workType: lot.workType.nameZh,
      item: item?.code ?? null,
    },
    upload,
    options,
    (tx) => assertLotStateUnchanged(tx, lot.id, lot.status, "photo"),
    command
      ? (tx, photoId) =>
          tx.commandReceipt
            .create({
              data: {
                userId: viewer.id,
                key: command.key,
                lotId: lot.id,
                kind: "photo",
                itemId: item?.id ?? null,
                baseVersion: command.baseVersion ?? null,
                subjectId: photoId,
              },
              select: { key: true },
            })
            .then(() => undefined)
      : undefined,
  );
}

/** Whether a photo belongs to a lot or a defect: which permission its file needs. */
export async function photoOwnerKind(db: Db, photoId: string) {
  const row = await db.photo.findUnique({ where: { id: photoId }, select: { defectId: true } });
  return row ? (row.defectId ? "defect" : "lot") : null;
}

/** The photo `photoId` if the viewer may see the lot or defect it is attached to. */
export function viewablePhotoWhere(photoId: string, viewer: Actor, scope: Scope) {
  return {
    id: photoId,
    OR: [
      { lotId: { not: null }, lot: lotWhere(viewer, scope) },
      { defectId: { not: null }, defect: defectWhere(viewer, scope) },
    ],
  };
}

/** One photo with its stored files' names, only if the viewer may see what it is attached to. */
export async function findViewablePhoto(db: Db, photoId: string, viewer: Actor, scope: Scope) {
  return db.photo.findFirst({
    where: viewablePhotoWhere(photoId, viewer, scope),
    select: {
      id: true,
      sha256: true,
      format: true,
      displaySha256: true,
      displayFormat: true,
      thumbSha256: true,
    },
  });
}

/** A lot's evidence photos, oldest first; the caller has already checked the lot is visible. */
export async function lotPhotos(db: Db, lotId: string) {
  const rows = await db.photo.findMany({
    where: { lotId, role: "evidence" },
    select: PHOTO_VIEW_SELECT,
    orderBy: [{ uploadedAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toPhotoView);
}
