import type { Db } from "~/infra/db.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { defectWhere } from "~/modules/defect/access.server";
import { compoundWhere } from "~/modules/site/access.server";
import { revisionWhere } from "./access.server";
import { compareRevisions } from "./revision";

export { type DrawingUpload, previewDrawings, uploadDrawings } from "./upload.server";

/** A compound's drawing register: sheets by number, each with all its revisions, newest first. */
export async function drawingRegister(db: Db, viewer: Actor, scope: Scope, compoundId: string) {
  const compound = await db.compound.findFirst({
    where: { AND: [{ id: compoundId }, compoundWhere(viewer, scope)] },
    select: { id: true, name: true, code: true, project: { select: { id: true, name: true } } },
  });
  if (!compound) return null;
  const sheets = await db.drawingSheet.findMany({
    where: { compoundId },
    select: {
      id: true,
      number: true,
      title: true,
      discipline: true,
      workType: { select: { code: true, nameZh: true, nameEn: true } },
      revisions: {
        select: {
          id: true,
          revision: true,
          status: true,
          issuedOn: true,
          uploadedAt: true,
          supersededAt: true,
          renderStatus: true,
          _count: { select: { pins: true } },
        },
      },
    },
    orderBy: { number: "asc" },
  });
  return {
    compound,
    sheets: sheets.map((s) => ({
      ...s,
      revisions: [...s.revisions].sort((a, b) => compareRevisions(b.revision, a.revision)),
    })),
  };
}

export const REVISION_FILE_SELECT = {
  id: true,
  imageSha256: true,
  previewSha256: true,
  sourceSha256: true,
} as const;

/** The stored file names of a revision, only if the viewer may see its compound. */
export async function findViewableRevision(
  db: Db,
  revisionId: string,
  viewer: Actor,
  scope: Scope,
) {
  return db.drawingRevision.findFirst({
    where: { AND: [{ id: revisionId }, revisionWhere(viewer, scope)] },
    select: REVISION_FILE_SELECT,
  });
}

/**
 * One revision for the viewer: sheet, its other revisions (the newest current one named), and
 * the pins of defects the viewer may see (none when the viewer may see no defects).
 */
export async function revisionView(
  db: Db,
  revisionId: string,
  viewer: Actor,
  scope: Scope,
  defectScope: Scope | null,
) {
  const revision = await db.drawingRevision.findFirst({
    where: { AND: [{ id: revisionId }, revisionWhere(viewer, scope)] },
    select: {
      id: true,
      revision: true,
      status: true,
      issuedOn: true,
      supersededAt: true,
      width: true,
      height: true,
      previewWidth: true,
      previewHeight: true,
      renderStatus: true,
      renderError: true,
      uploadedAt: true,
      sheet: {
        select: {
          id: true,
          number: true,
          title: true,
          discipline: true,
          compound: { select: { id: true, name: true } },
          revisions: { select: { id: true, revision: true, status: true } },
        },
      },
      pins: {
        where: { defect: defectWhere(viewer, defectScope) },
        select: {
          id: true,
          x: true,
          y: true,
          defect: { select: { id: true, number: true, title: true, status: true } },
        },
      },
    },
  });
  if (!revision) return null;
  const revisions = [...revision.sheet.revisions].sort((a, b) =>
    compareRevisions(b.revision, a.revision),
  );
  const current = revisions.find((r) => r.status === "current") ?? null;
  return { revision, revisions, current: current && current.id !== revision.id ? current : null };
}
