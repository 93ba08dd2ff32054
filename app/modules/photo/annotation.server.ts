import sharp from "sharp";
import type { Db } from "~/infra/db.server";
import { isDomainError } from "~/infra/domain-error";
import { uploadRefusal } from "~/infra/upload-error";
import { canonicalJson } from "~/modules/audit/canonical";
import { recordEvent, sha256Hex } from "~/modules/audit/record.server";
import { type Actor, type Scope, scopeFor } from "~/modules/auth/permissions";
import { requireRecordableLot } from "~/modules/lot/lots.server";
import { annotationSvg, type Shape } from "./annotation";
import { defectPhotoRefusal, isDefectContractor } from "./defect-photos.server";
import { viewablePhotoWhere } from "./photos.server";
import { type PhotoStorage, photoKey, photoStorage } from "./storage.server";

type Viewer = Actor & { id: string };

export type StoredAnnotation = { version: number; sha256: string; shapes: Shape[] };

/** The hash a lot signature covers: of the canonical JSON of the shapes. */
export const annotationHash = (shapes: readonly Shape[]) => sha256Hex(canonicalJson(shapes));

/** The latest markup layer of each photo that has one. */
export async function latestAnnotations(
  db: Db,
  photoIds: readonly string[],
): Promise<Map<string, StoredAnnotation>> {
  if (photoIds.length === 0) return new Map();
  const rows = await db.photoAnnotation.findMany({
    where: { photoId: { in: [...photoIds] } },
    select: { photoId: true, version: true, sha256: true, shapes: true },
    orderBy: { version: "asc" },
  });
  const out = new Map<string, StoredAnnotation>();
  for (const r of rows)
    out.set(r.photoId, {
      version: r.version,
      sha256: r.sha256,
      shapes: JSON.parse(r.shapes) as Shape[],
    });
  return out;
}

/**
 * The permission that marking up a photo needs: the one its kind of photo is added with (lot
 * photos: 上传检验批照片; 整改前: 登记质量问题; 整改后: 确认整改). Null when there is no such photo.
 */
export async function annotationPermission(db: Db, photoId: string) {
  const row = await db.photo.findUnique({
    where: { id: photoId },
    select: { defectId: true, role: true },
  });
  if (!row) return null;
  if (!row.defectId) return "photo.upload" as const;
  return row.role === "after" ? ("defect.rectify" as const) : ("defect.create" as const);
}

/**
 * Who may mark up a photo is who may add photos there now: a lot photo while the lot may be
 * recorded by the viewer (never once it is signed); a defect's 整改前 photo by the supervisor and
 * its 整改后 photo by the assigned contractor while it rectifies (`defectPhotoRefusal`), never
 * once the defect is closed.
 */
async function requireAnnotatable(db: Db, viewer: Viewer, scope: Scope, photoId: string) {
  const photo = await db.photo.findFirst({
    where: viewablePhotoWhere(photoId, viewer, scope),
    select: {
      id: true,
      lotId: true,
      role: true,
      lot: { select: { status: true } },
      defect: { select: { status: true, contractorOrgId: true } },
    },
  });
  if (!photo) throw uploadRefusal("photo:errors.notFound", 404);
  if (photo.lotId) {
    if (photo.lot?.status === "accepted") throw uploadRefusal("photo:errors.lotAccepted", 409);
    try {
      await requireRecordableLot(db, viewer, scope, photo.lotId);
    } catch (error) {
      // The lot module's refusal as it words it (a DomainError passes through unchanged).
      const status = (error as { status?: unknown }).status;
      if (!isDomainError(error) && error instanceof Error && typeof status === "number")
        throw uploadRefusal("photo:errors.asWritten", status, { message: error.message });
      throw error;
    }
  } else if (photo.defect) {
    if (photo.defect.status === "closed")
      throw uploadRefusal("photo:errors.defectClosedMarkup", 409);
    const role = photo.role === "after" ? "after" : "before";
    const refusal = defectPhotoRefusal(viewer, photo.defect, role, "markup");
    if (refusal) {
      // The side's own author, refused for the defect's state (409), or someone else (403).
      const sameRole =
        role === "before"
          ? scopeFor(viewer.role, "defect.create") !== null
          : isDefectContractor(viewer, photo.defect);
      throw uploadRefusal(refusal, sameRole ? 409 : 403);
    }
  }
  return photo;
}

/** Saves a new version of the photo's markup with its audit event; the original is untouched. */
export async function saveAnnotation(
  db: Db,
  viewer: Viewer,
  scope: Scope,
  photoId: string,
  shapes: Shape[],
): Promise<StoredAnnotation> {
  await requireAnnotatable(db, viewer, scope, photoId);
  const text = canonicalJson(shapes);
  const sha256 = sha256Hex(text);
  return db.$transaction(async (tx) => {
    const last = await tx.photoAnnotation.findFirst({
      where: { photoId },
      orderBy: { version: "desc" },
      select: { version: true, sha256: true },
    });
    if (last?.sha256 === sha256) return { version: last.version, sha256, shapes };
    const version = (last?.version ?? 0) + 1;
    await tx.photoAnnotation.create({
      data: { photoId, version, shapes: text, sha256, createdById: viewer.id },
    });
    await recordEvent(tx, {
      actorId: viewer.id,
      action: "photo.annotate",
      entityType: "Photo",
      entityId: photoId,
      data: { version, sha256, shapes: shapes.length },
    });
    return { version, sha256, shapes };
  });
}

async function bytesOf(stream: ReadableStream<Uint8Array>) {
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(r.value);
  return Buffer.concat(parts);
}

/** Renders a layer over an image (the display copy or a thumbnail): the SVG composited by sharp. */
export async function renderAnnotated(
  image: Buffer,
  shapes: readonly Shape[],
  format: "webp" | "jpeg" = "webp",
  maxSide?: number,
): Promise<Buffer> {
  let base = sharp(image);
  if (maxSide) base = base.resize(maxSide, maxSide, { fit: "inside", withoutEnlargement: true });
  const { data, info } = await base.toBuffer({ resolveWithObject: true });
  const svg = Buffer.from(annotationSvg(shapes, info.width, info.height));
  const out = sharp(data).composite([{ input: svg, top: 0, left: 0 }]);
  return format === "jpeg"
    ? out.jpeg({ quality: 85 }).toBuffer()
    : out.webp({ quality: 85 }).toBuffer();
}

/** The annotated display copy of a photo (the plain display copy when it has no markup). */
export async function annotatedDisplay(
  db: Db,
  photo: { id: string; displaySha256: string },
  storage: PhotoStorage = photoStorage(),
  format: "webp" | "jpeg" = "webp",
  maxSide?: number,
): Promise<{ bytes: Buffer; annotation: StoredAnnotation | null } | null> {
  const file = await storage.read(photoKey("display", photo.displaySha256));
  if (!file) return null;
  const display = await bytesOf(file.stream);
  const annotation = (await latestAnnotations(db, [photo.id])).get(photo.id) ?? null;
  if (!annotation || annotation.shapes.length === 0) {
    if (format === "webp" && !maxSide) return { bytes: display, annotation };
    return { bytes: await renderAnnotated(display, [], format, maxSide), annotation };
  }
  return { bytes: await renderAnnotated(display, annotation.shapes, format, maxSide), annotation };
}

/** Photos for the browser with the version of their markup layer (0: none). */
export async function withAnnotationVersions<T extends { id: string }>(
  db: Db,
  photos: T[],
): Promise<(T & { annotationVersion: number })[]> {
  const layers = await latestAnnotations(
    db,
    photos.map((p) => p.id),
  );
  return photos.map((p) => ({ ...p, annotationVersion: layers.get(p.id)?.version ?? 0 }));
}
