import path from "node:path";
import { env } from "~/infra/env.server";
import { S3PhotoStorage, s3Client } from "~/infra/s3-storage.server";
import { LocalPhotoStorage, type PhotoStorage } from "~/modules/photo/storage.server";

/** Content-addressed like photos and drawings: document/ab/cd/abcd…. */
export function evidenceKey(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return `document/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

const globalForStorage = globalThis as unknown as { yanshouEvidenceStorage?: PhotoStorage };

/** UPLOADS_DIR/evidence (or the object store), with the photo store's temp → rename discipline. */
export function evidenceStorage(): PhotoStorage {
  const s3 = env().s3;
  globalForStorage.yanshouEvidenceStorage ??= s3
    ? new S3PhotoStorage(s3Client(s3), s3.bucket, `${s3.prefix}evidence/`)
    : new LocalPhotoStorage(path.join(env().uploadsDir, "evidence"));
  return globalForStorage.yanshouEvidenceStorage;
}
