/**
 * Where register exports built by the report.export job live (docs/decisions/0038-exports-as-jobs.md):
 * content-addressed like photos and drawings (file/ab/cd/<sha256>), through the photo store's
 * backend: UPLOADS_DIR/exports, or the bucket's `exports/` prefix.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import { env } from "~/infra/env.server";
import { S3PhotoStorage, s3Client } from "~/infra/s3-storage.server";
import { LocalPhotoStorage, type PhotoStorage } from "~/modules/photo/storage.server";

export const EXPORT_VARIANT = "file";

export const sha256Of = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

export function exportKey(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return `${EXPORT_VARIANT}/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

const globalForStorage = globalThis as unknown as { yanshouExportStorage?: PhotoStorage };

export function exportStorage(): PhotoStorage {
  const s3 = env().s3;
  globalForStorage.yanshouExportStorage ??= s3
    ? new S3PhotoStorage(s3Client(s3), s3.bucket, `${s3.prefix}exports/`)
    : new LocalPhotoStorage(path.join(env().uploadsDir, "exports"));
  return globalForStorage.yanshouExportStorage;
}

/** A full disk (the store's 507) said in export words; other errors are retried by the job. */
export async function putExport(storage: PhotoStorage, key: string, bytes: Buffer) {
  try {
    return await storage.put(key, bytes);
  } catch (error) {
    if ((error as { status?: unknown } | null)?.status === 507)
      throw new DomainError("defect:exports.errors.storageFull", { status: 507 });
    throw error;
  }
}

type Reader = Db | Prisma.TransactionClient;

/**
 * Whether the file of this hash may go: no export row names it, and no export is being built
 * (a build writes its file before its row names it, and might write this very file) but the
 * one asking (`exceptExportId`, a build cleaning up after itself).
 */
export async function exportFileUnused(db: Reader, sha256: string, exceptExportId?: string) {
  const [named, building] = await Promise.all([
    db.reportExport.count({ where: { fileSha256: sha256 } }),
    db.reportExport.count({
      where: {
        status: { in: ["queued", "running"] },
        ...(exceptExportId ? { id: { not: exceptExportId } } : {}),
      },
    }),
  ]);
  return named === 0 && building === 0;
}

/** Every hash an export row names, for the start-up sweep; null while an export is being built. */
export async function namedExportFiles(db: Db): Promise<Set<string> | null> {
  if ((await db.reportExport.count({ where: { status: { in: ["queued", "running"] } } })) > 0)
    return null;
  const rows = await db.reportExport.findMany({
    where: { fileSha256: { not: null } },
    select: { fileSha256: true },
  });
  return new Set(rows.map((r) => r.fileSha256 ?? ""));
}
