import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { uploadRefusal } from "~/infra/upload-error";
import type { MessageKey } from "~/locales/resources";
import { type Actor, type Role, type Scope, scopeFor } from "~/modules/auth/permissions";
import { defectWhere } from "~/modules/defect/access.server";
import { recordT } from "~/modules/defect/labels";
import { PHOTO_VIEW_SELECT, type PhotoUpload, storePhoto } from "./photos.server";
import type { PhotoStorage } from "./storage.server";
import { toPhotoView } from "./view";

type Viewer = Actor & { id: string };

export type DefectPhotoRole = "before" | "after";
export const defectAttachKey = (defectId: string, role: DefectPhotoRole) =>
  `defect:${defectId}:${role}`;

/**
 * 整改前 photos come from the supervisor while the defect is not closed; 整改后 photos from the
 * assigned contractor while it is being rectified (整改中).
 */
export async function attachDefectPhoto(
  db: Db,
  storage: PhotoStorage,
  viewer: Viewer,
  scope: Scope,
  target: { defectId: string; role: DefectPhotoRole },
  upload: PhotoUpload,
  options: { now?: Date; maxPixels?: number } = {},
) {
  const defect = await requireDefectForPhoto(db, viewer, scope, target);
  const zh = recordT(); // the watermark is in the language of record
  return storePhoto(
    db,
    storage,
    viewer,
    {
      attachKey: defectAttachKey(defect.id, target.role),
      role: target.role,
      lotId: null,
      itemId: null,
      defectId: defect.id,
    },
    {
      project: defect.compound.project.name,
      compound: defect.compound.name,
      place: defect.placeLabel,
      workType: defect.workType?.nameZh ?? zh("photo:watermark.defectWork"),
      item: `${defect.item?.code ?? ""} ${zh(`photo:watermark.${target.role}`)}`.trim(),
    },
    upload,
    options,
    async (tx) => {
      // closed, returned or re-assigned while the photo was processed: refuse as the first check would
      const now = await tx.defect.findUnique({
        where: { id: defect.id },
        select: { status: true, contractorOrgId: true },
      });
      if (!now) throw uploadRefusal("photo:errors.defectGone", 409);
      const refusal = defectPhotoRefusal(viewer, now, target.role);
      if (refusal)
        throw uploadRefusal("photo:errors.notSaved", 409, {
          reason: recordT()(refusal),
        });
    },
  );
}

/**
 * A tablet's replay of a defect photo it queued offline (issue 17), named by its SHA-256 before
 * the body is read: the photo's id when this defect's side already holds those bytes, so a photo
 * stored before the defect moved on (its answer lost) is not refused as a conflict. Only for a
 * defect the viewer may see.
 */
export async function replayedDefectPhoto(
  db: Db,
  viewer: Actor,
  scope: Scope,
  target: { defectId: string; role: DefectPhotoRole },
  sha256: string,
): Promise<string | null> {
  const defect = await db.defect.findFirst({
    where: { AND: [{ id: target.defectId }, defectWhere(viewer, scope)] },
    select: { id: true },
  });
  if (!defect) return null;
  const photo = await db.photo.findUnique({
    where: { sha256_attachKey: { sha256, attachKey: defectAttachKey(defect.id, target.role) } },
    select: { id: true },
  });
  return photo?.id ?? null;
}

/** The defect, if the viewer may add this kind of photo to it now; refusals say why (a code). */
export async function requireDefectForPhoto(
  db: Db,
  viewer: Actor,
  scope: Scope,
  target: { defectId: string; role: DefectPhotoRole },
) {
  const defect = await db.defect.findFirst({
    where: { AND: [{ id: target.defectId }, defectWhere(viewer, scope)] },
    select: {
      id: true,
      status: true,
      placeLabel: true,
      contractorOrgId: true,
      compound: { select: { name: true, project: { select: { name: true } } } },
      workType: { select: { nameZh: true } },
      item: { select: { code: true } },
    },
  });
  if (!defect) throw uploadRefusal("photo:errors.defectNotFound", 404);
  const refusal = defectPhotoRefusal(viewer, defect, target.role);
  if (refusal) throw uploadRefusal(refusal, 409);
  return defect;
}

/** Whether the viewer may rectify this defect (the contractor it is assigned to). */
export function isDefectContractor(
  viewer: { role: Role; organizationId: string },
  defect: { contractorOrgId: string },
) {
  return (
    scopeFor(viewer.role, "defect.rectify") !== null &&
    viewer.organizationId === defect.contractorOrgId
  );
}

/** Why the viewer may not add (or mark up) this side's photos now, as a message key; null: may. */
export function defectPhotoRefusal(
  viewer: { role: Role; organizationId: string },
  defect: { status: string; contractorOrgId: string },
  role: DefectPhotoRole,
  doing: "upload" | "markup" = "upload",
): MessageKey | null {
  if (role === "before") {
    // 整改前: whoever raises defects (the supervision engineer).
    if (scopeFor(viewer.role, "defect.create") === null)
      return `photo:errors.defectPhoto.${doing}.beforeSupervisorOnly`;
    if (defect.status === "closed") return "photo:errors.defectPhoto.closed";
    return null;
  }
  if (!isDefectContractor(viewer, defect))
    return `photo:errors.defectPhoto.${doing}.afterContractorOnly`;
  if (defect.status !== "in_progress") return "photo:errors.defectPhoto.notInProgress";
  return null;
}

/**
 * Gives a new defect the photos of the checklist item it was raised from, as its 整改前 photos:
 * new rows over the same stored files (originals are content-addressed, nothing is copied).
 */
export async function copyItemPhotosToDefect(
  tx: Prisma.TransactionClient,
  source: { lotId: string; itemId: string },
  defectId: string,
) {
  const photos = await tx.photo.findMany({
    where: { lotId: source.lotId, itemId: source.itemId, role: "evidence" },
    orderBy: [{ uploadedAt: "asc" }, { id: "asc" }],
  });
  for (const { id: _id, attachKey: _key, lotId: _lot, itemId: _item, ...photo } of photos)
    await tx.photo.create({
      data: {
        ...photo,
        role: "before",
        attachKey: defectAttachKey(defectId, "before"),
        defectId,
      },
      select: { id: true },
    });
  return photos.map((p) => p.sha256);
}

/** A defect's before and after photos, oldest first; the caller has checked the defect is visible. */
export async function defectPhotos(db: Db, defectId: string) {
  const rows = await db.photo.findMany({
    where: { defectId },
    select: { ...PHOTO_VIEW_SELECT, role: true },
    orderBy: [{ uploadedAt: "asc" }, { id: "asc" }],
  });
  return {
    before: rows.filter((r) => r.role === "before").map(toPhotoView),
    after: rows.filter((r) => r.role === "after").map(toPhotoView),
  };
}
