import sharp from "sharp";
import type { Db } from "~/infra/db.server";
import { type PhotoStorage, photoKey, photoStorage } from "~/modules/photo/storage.server";

async function bytesOf(stream: ReadableStream<Uint8Array>) {
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(r.value);
  return Buffer.concat(parts);
}

/**
 * Photo thumbnails as JPEG for printed reports (PDF takes JPEG and PNG; thumbnails are stored as
 * WebP). The caller has already checked the viewer may see the records these photos belong to.
 */
export async function thumbsForPdf(
  db: Db,
  photoIds: readonly (string | null)[],
  storage: PhotoStorage = photoStorage(),
): Promise<Map<string, Buffer>> {
  const ids = [...new Set(photoIds.filter((id): id is string => !!id))];
  const rows = await db.photo.findMany({
    where: { id: { in: ids } },
    select: { id: true, thumbSha256: true },
  });
  const result = new Map<string, Buffer>();
  for (const row of rows) {
    const file = await storage.read(photoKey("thumb", row.thumbSha256));
    if (!file) continue;
    result.set(
      row.id,
      await sharp(await bytesOf(file.stream))
        .jpeg({ quality: 80 })
        .toBuffer(),
    );
  }
  return result;
}
