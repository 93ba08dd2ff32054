import type { Db } from "~/infra/db.server";
import { type Scope, scopeFor } from "~/modules/auth/permissions";
import type { CurrentUser } from "~/modules/auth/session.server";
import { defectWhere } from "~/modules/defect/access.server";
import { OPEN_DEFECT_STATES } from "~/modules/defect/workflow";
import { revisionWhere } from "~/modules/drawing/access.server";
import { lotWhere } from "~/modules/lot/access.server";
import { compoundWhere } from "~/modules/site/access.server";

/** At most this many lots and defects each: a tablet's storage, and minutes on site Wi-Fi. */
export const OFFLINE_MAX_LOTS = 200;
export const OFFLINE_MAX_DEFECTS = 200;
export const OFFLINE_MAX_DRAWINGS = 100;

export type OfflinePackage = {
  compound: { id: string; name: string };
  /** pages kept for offline reading: each as its document and its loader data (`.data`) */
  pages: string[];
  /** drawing preview images */
  files: string[];
  /** what was left out by the limits */
  truncated: { lots: boolean; defects: boolean; drawings: boolean };
};

/**
 * 离线准备: what a tablet downloads to work on a compound without signal (issue 17): the
 * compound's page, its places, the lots still in progress and the open defects the viewer may
 * see, the drawing register with each current sheet and its preview. Only the viewer's own
 * reach: every list is filtered by the viewer's scope, as the pages themselves are.
 */
export async function offlinePackage(
  db: Db,
  user: CurrentUser,
  scope: Scope,
  compoundId: string,
): Promise<OfflinePackage | null> {
  const compound = await db.compound.findFirst({
    where: { AND: [{ id: compoundId }, compoundWhere(user, scope)] },
    select: {
      id: true,
      name: true,
      buildings: { select: { id: true, stairwells: { select: { id: true } } } },
      zones: { select: { id: true } },
    },
  });
  if (!compound) return null;
  const lotScope = scopeFor(user.role, "lot.view");
  const defectScope = scopeFor(user.role, "defect.view");
  const drawingScope = scopeFor(user.role, "drawing.view");
  const [lots, defects, revisions] = await Promise.all([
    lotScope === null
      ? []
      : db.inspectionLot.findMany({
          where: {
            AND: [
              { compoundId: compound.id, status: { not: "accepted" } },
              lotWhere(user, lotScope),
            ],
          },
          select: { id: true },
          orderBy: { updatedAt: "desc" },
          take: OFFLINE_MAX_LOTS + 1,
        }),
    defectScope === null
      ? []
      : db.defect.findMany({
          where: {
            AND: [
              { compoundId: compound.id, status: { in: [...OPEN_DEFECT_STATES] } },
              defectWhere(user, defectScope),
            ],
          },
          select: { id: true },
          orderBy: { number: "desc" },
          take: OFFLINE_MAX_DEFECTS + 1,
        }),
    drawingScope === null
      ? []
      : db.drawingRevision.findMany({
          where: {
            AND: [
              { status: "current", sheet: { compoundId: compound.id } },
              revisionWhere(user, drawingScope),
            ],
          },
          select: { id: true, renderStatus: true },
          orderBy: { uploadedAt: "desc" },
          take: OFFLINE_MAX_DRAWINGS + 1,
        }),
  ]);
  const id = compound.id;
  const pages = [
    `/compounds/${id}`,
    ...compound.buildings.flatMap((b) => [
      `/buildings/${b.id}`,
      ...b.stairwells.map((s) => `/stairwells/${s.id}`),
    ]),
    ...compound.zones.map((z) => `/zones/${z.id}`),
    ...lots.slice(0, OFFLINE_MAX_LOTS).map((l) => `/lots/${l.id}`),
    ...defects.slice(0, OFFLINE_MAX_DEFECTS).map((d) => `/defects/${d.id}`),
    ...(drawingScope === null ? [] : [`/compounds/${id}/drawings`]),
    ...revisions.slice(0, OFFLINE_MAX_DRAWINGS).map((r) => `/drawings/${r.id}`),
  ];
  return {
    compound: { id, name: compound.name },
    pages,
    // A revision still being rendered has no preview yet: its page says so offline too.
    files: revisions
      .slice(0, OFFLINE_MAX_DRAWINGS)
      .filter((r) => r.renderStatus === "ready")
      .map((r) => `/drawings/${r.id}/preview`),
    truncated: {
      lots: lots.length > OFFLINE_MAX_LOTS,
      defects: defects.length > OFFLINE_MAX_DEFECTS,
      drawings: revisions.length > OFFLINE_MAX_DRAWINGS,
    },
  };
}
