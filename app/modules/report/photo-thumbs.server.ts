import sharp from "sharp";
import type { Db } from "~/infra/db.server";
import { fixedT } from "~/modules/i18n/i18n.server";
import type { RecordT } from "~/modules/lot/record-view";
import {
  annotatedDisplay,
  latestAnnotations,
  renderAnnotated,
} from "~/modules/photo/annotation.server";
import { type PhotoStorage, photoKey, photoStorage } from "~/modules/photo/storage.server";

async function bytesOf(stream: ReadableStream<Uint8Array>) {
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(r.value);
  return Buffer.concat(parts);
}

/**
 * Photo thumbnails as JPEG for printed reports (PDF takes JPEG and PNG; thumbnails are stored as
 * WebP), with each photo's markup drawn on (the thumbnail keeps the photo's proportions, so the
 * layer's relative positions fit). The caller has already checked the viewer may see the records
 * these photos belong to.
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
  const layers = await latestAnnotations(db, ids);
  const result = new Map<string, Buffer>();
  for (const row of rows) {
    const file = await storage.read(photoKey("thumb", row.thumbSha256));
    if (!file) continue;
    const thumb = await bytesOf(file.stream);
    const shapes = layers.get(row.id)?.shapes ?? [];
    result.set(
      row.id,
      shapes.length > 0
        ? await renderAnnotated(thumb, shapes, "jpeg")
        : await sharp(thumb).jpeg({ quality: 80 }).toBuffer(),
    );
  }
  return result;
}

export type PdfPhoto = { label: string; image: Buffer };

/**
 * A lot's evidence photos for its record PDF: the display copy with its markup drawn on (the
 * annotated version), as JPEG at most 900 px, labelled with the item and the original's hash.
 */
export async function lotPhotosForPdf(
  db: Db,
  lotId: string,
  storage: PhotoStorage = photoStorage(),
): Promise<PdfPhoto[]> {
  const rows = await db.photo.findMany({
    where: { lotId, role: "evidence" },
    select: { id: true, sha256: true, displaySha256: true, item: { select: { code: true } } },
    orderBy: [{ uploadedAt: "asc" }, { id: "asc" }],
    take: 60,
  });
  // Captions of the signed record: Chinese, the language of record.
  const t = fixedT("zh-CN") as RecordT;
  const out: PdfPhoto[] = [];
  for (const row of rows) {
    const shown = await annotatedDisplay(db, row, storage, "jpeg", 900);
    if (!shown) continue;
    const marked = shown.annotation && shown.annotation.shapes.length > 0;
    out.push({
      label: [
        `${row.item?.code ?? t("lot:record.printed.photoWhole")}${marked ? t("lot:record.printed.photoMarked") : ""}`,
        t("lot:record.printed.photoHash", { hash: row.sha256.slice(0, 16) }),
        ...(marked && shown.annotation
          ? [t("lot:record.printed.markupHash", { hash: shown.annotation.sha256.slice(0, 16) })]
          : []),
      ].join("\n"),
      image: shown.bytes,
    });
  }
  return out;
}
