import path from "node:path";
import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import { env } from "~/infra/env.server";
import { S3PhotoStorage, s3Client } from "~/infra/s3-storage.server";
import { LocalPhotoStorage, type PhotoStorage } from "~/modules/photo/storage.server";

export const DRAWING_VARIANTS = ["source", "full", "preview"] as const;
export type DrawingVariant = (typeof DRAWING_VARIANTS)[number];

/** Content-addressed like photos: full/ab/cd/abcd…. */
export function drawingKey(variant: DrawingVariant, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return `${variant}/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

export type DrawingStorage = PhotoStorage;

const globalForStorage = globalThis as unknown as { yanshouDrawingStorage?: DrawingStorage };

/** UPLOADS_DIR/drawings, with the photo store's temp → rename → row discipline. */
export function drawingStorage(): DrawingStorage {
  const s3 = env().s3;
  globalForStorage.yanshouDrawingStorage ??= s3
    ? new S3PhotoStorage(s3Client(s3), s3.bucket, `${s3.prefix}drawings/`)
    : new LocalPhotoStorage(path.join(env().uploadsDir, "drawings"));
  return globalForStorage.yanshouDrawingStorage;
}

/**
 * Stores a source file: a spooled upload streamed from its temporary (putFile), bytes in hand as
 * they are. A full disk or unwritable folder (the store's 507) is the server's, said in drawing
 * words.
 */
export async function putDrawing(
  storage: DrawingStorage,
  key: string,
  file: { path: string; size: number } | { bytes: Buffer },
) {
  try {
    return await ("bytes" in file
      ? storage.put(key, file.bytes)
      : storage.putFile(key, file.path, file.size));
  } catch (error) {
    if ((error as { status?: unknown } | null)?.status === 507)
      throw new DomainError("drawing:errors.storageFull", { status: 507 });
    throw error;
  }
}

/** Removes the files this attempt created that no revision references (after a failure). */
export async function removeUnreferenced(db: Db, storage: DrawingStorage, created: string[]) {
  for (const key of created) {
    const sha = key.slice(key.lastIndexOf("/") + 1);
    const used = await db.drawingRevision.count({
      where: { OR: [{ sourceSha256: sha }, { imageSha256: sha }, { previewSha256: sha }] },
    });
    if (used === 0) await storage.remove(key);
  }
}
