import { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { recordEvent } from "~/modules/audit/record.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { lotWhere } from "~/modules/lot/access.server";
import { requireRecordableLot } from "~/modules/lot/lots.server";
import { PhotoError } from "./errors";
import { processPhoto, sha256Of } from "./pipeline.server";
import { type PhotoStorage, photoKey, type Variant } from "./storage.server";
import { toPhotoView } from "./view";

type Viewer = Actor & { id: string };

export type PhotoUpload = { bytes: Buffer; name: string };
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

/** Two photos at a time: each decoded 12 MP photo holds ~50 MB; more would only queue in libvips. */
let running = 0;
const waiting: (() => void)[] = [];
async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

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
 * Attaches one photo to a lot or to one of its checklist items: check who may and whether the
 * lot may still change, process, store the files, then the row and its audit event in one
 * transaction. The same bytes sent again to the same place return the first photo (retries).
 */
export async function attachLotPhoto(
  db: Db,
  storage: PhotoStorage,
  viewer: Viewer,
  scope: Scope,
  target: LotPhotoTarget,
  upload: PhotoUpload,
  options: { now?: Date; maxPixels?: number } = {},
) {
  const detail = await requireRecordableLot(db, viewer, scope, target.lotId);
  const { lot } = detail;
  const item = target.itemId ? lot.template.items.find((i) => i.id === target.itemId) : null;
  if (target.itemId && !item) throw new PhotoError("该检查项目不属于本检验批", 400);
  const attachKey = lotAttachKey(target);
  const sha256 = upload.bytes.length > 0 ? sha256Of(upload.bytes) : "";
  const already = sha256 ? await existing(db, sha256, attachKey) : null;
  if (already) return { photo: already, duplicate: true };

  const org = await db.organization.findUniqueOrThrow({
    where: { id: viewer.organizationId },
    select: { shortName: true },
  });
  const user = await db.user.findUniqueOrThrow({
    where: { id: viewer.id },
    select: { displayName: true },
  });
  const now = options.now ?? new Date();
  const processed = await limited(() =>
    processPhoto(
      upload.bytes,
      {
        project: lot.compound.project.name,
        compound: lot.compound.name,
        place: lot.placeLabel,
        workType: lot.workType.nameZh,
        item: item?.code ?? null,
        user: `${user.displayName}（${org.shortName}）`,
      },
      { name: upload.name, now, maxPixels: options.maxPixels },
    ),
  );

  const files: [Variant, string, Buffer][] = [
    ["original", processed.sha256, upload.bytes],
    ["display", processed.display.sha256, processed.display.bytes],
    ["thumb", processed.thumb.sha256, processed.thumb.bytes],
  ];
  const created: string[] = [];
  try {
    for (const [variant, sha, bytes] of files) {
      const key = photoKey(variant, sha);
      if ((await storage.put(key, bytes)).created) created.push(key);
    }
    const photo = await db.$transaction(async (tx) => {
      const row = await tx.photo.create({
        data: {
          sha256: processed.sha256,
          role: "evidence",
          attachKey,
          lotId: lot.id,
          itemId: item?.id ?? null,
          format: processed.format,
          byteSize: processed.byteSize,
          width: processed.width,
          height: processed.height,
          displaySha256: processed.display.sha256,
          displayFormat: processed.display.format,
          thumbSha256: processed.thumb.sha256,
          capturedAt: processed.exif.capturedAt,
          gpsLat: processed.exif.gpsLat,
          gpsLng: processed.exif.gpsLng,
          gpsAlt: processed.exif.gpsAlt,
          device: processed.exif.device,
          originalName: upload.name.slice(0, 200),
          uploadedById: viewer.id,
          uploadedAt: now,
        },
        select: PHOTO_VIEW_SELECT,
      });
      await recordEvent(
        tx,
        {
          actorId: viewer.id,
          action: "photo.attach",
          entityType: "Photo",
          entityId: row.id,
          data: {
            lotId: lot.id,
            itemId: item?.id ?? null,
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
    });
    return { photo, duplicate: false };
  } catch (error) {
    await removeUnreferenced(db, storage, created);
    // The same photo sent twice at once: the second insert loses the race and returns the first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const first = await existing(db, processed.sha256, attachKey);
      if (first) return { photo: first, duplicate: true };
    }
    throw error;
  }
}

/** One photo with its stored files' names, only if the viewer may see what it is attached to. */
export async function findViewablePhoto(db: Db, photoId: string, viewer: Actor, scope: Scope) {
  return db.photo.findFirst({
    where: { id: photoId, lotId: { not: null }, lot: lotWhere(viewer, scope) },
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
