import QRCode from "qrcode";
import type { Db } from "~/infra/db.server";
import { can, type Scope, scopeFor } from "~/modules/auth/permissions";
import type { CurrentUser } from "~/modules/auth/session.server";
import { workTypesForPlace } from "~/modules/checklist/queries.server";
import { phaseState } from "~/modules/dashboard/trend";
import { lotsAtPlace } from "~/modules/lot/queries.server";
import { compoundWhere } from "./access.server";
import {
  getBuilding,
  getProjectOverview,
  getStairwell,
  getZone,
  listProjects,
} from "./queries.server";

/**
 * View models of the place pages (project, building, stairwell, outdoor area, a compound's QR
 * sheet): each query scoped to the viewer in `where`; null when the place is not the viewer's
 * to see (the route answers 404).
 */

type PlaceKind = "building" | "stairwell" | "zone";
type PlaceWhere = { buildingId: string } | { stairwellId: string } | { zoneId: string };

/** The work types inspected at a place, the viewer's lots there and whether it may open one. */
async function placeWork(
  db: Db,
  user: CurrentUser,
  kind: PlaceKind,
  id: string,
  where: PlaceWhere,
  zoneKind?: string,
) {
  const workTypes = await workTypesForPlace(db, {
    placeKind: kind,
    ...(zoneKind ? { zoneKind } : {}),
  });
  const { lots, lotCounts } = await lotsAtPlace(
    db,
    where,
    user,
    scopeFor(user.role, "lot.view"),
    workTypes,
  );
  return {
    workTypes,
    lots,
    lotCounts,
    /** the lot list's filter for this place (its 全部 link) */
    placeFilter: `${kind}:${id}`,
    newLotQuery: can(user, "lot.create") ? `placeKind=${kind}&placeId=${id}` : undefined,
  };
}

export async function projectsPage(db: Db) {
  return { projects: await listProjects(db) };
}

/** A project: its facts, phases (with their state today) and the compounds the viewer may see. */
export async function projectPage(db: Db, user: CurrentUser, projectId: string, now = new Date()) {
  const project = await getProjectOverview(
    db,
    projectId,
    user,
    scopeFor(user.role, "compound.view"),
  );
  if (!project) return null;
  return {
    project: {
      ...project,
      phases: project.phases.map((p) => ({ ...p, state: phaseState(p, now) })),
    },
  };
}

export async function buildingPage(db: Db, user: CurrentUser, scope: Scope, buildingId: string) {
  const building = await getBuilding(db, buildingId, user, scope);
  if (!building) return null;
  const work = await placeWork(db, user, "building", building.id, { buildingId: building.id });
  return { building, work };
}

export async function stairwellPage(db: Db, user: CurrentUser, scope: Scope, stairwellId: string) {
  const stairwell = await getStairwell(db, stairwellId, user, scope);
  if (!stairwell) return null;
  const work = await placeWork(db, user, "stairwell", stairwell.id, {
    stairwellId: stairwell.id,
  });
  return { stairwell, work };
}

export async function zonePage(db: Db, user: CurrentUser, scope: Scope, zoneId: string) {
  const zone = await getZone(db, zoneId, user, scope);
  if (!zone) return null;
  const work = await placeWork(db, user, "zone", zone.id, { zoneId: zone.id }, zone.kind);
  return { zone, work };
}

/** The printable sheet whose QR code opens the compound's public notice (公示) page. */
export async function compoundQr(
  db: Db,
  user: CurrentUser,
  scope: Scope,
  compoundId: string,
  origin: string,
) {
  const compound = await db.compound.findFirst({
    where: { AND: [{ id: compoundId }, compoundWhere(user, scope)] },
    select: { id: true, name: true, code: true },
  });
  if (!compound) return null;
  const url = `${origin}/gongshi/${compound.code}`;
  const svg = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { id: compound.id, name: compound.name, url, svg };
}
