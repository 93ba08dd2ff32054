import type { Db } from "~/infra/db.server";
import type { Scope } from "~/modules/auth/permissions";
import { compoundWhere } from "./access.server";

type Viewer = { organizationId: string };

/** A building's facts, as the compound and building pages show them. */
const BUILDING_FACTS = {
  id: true,
  name: true,
  floors: true,
  builtYear: true,
  structure: true,
} as const;

/** The compound a place belongs to, with its project: the place pages' crumbs. */
const COMPOUND_CRUMBS = {
  select: { id: true, name: true, project: { select: { id: true, name: true } } },
} as const;

export async function listProjects(db: Db) {
  return db.project.findMany({
    select: { id: true, name: true, county: true, budgetYuan: true, households: true },
    orderBy: { createdAt: "asc" },
  });
}

export async function getProjectOverview(
  db: Db,
  projectId: string,
  viewer: Viewer,
  scope: Scope | null,
) {
  return db.project.findUnique({
    where: { id: projectId },
    select: {
      id: true,
      code: true,
      name: true,
      county: true,
      budgetYuan: true,
      households: true,
      description: true,
      owner: { select: { name: true } },
      phases: {
        select: { seq: true, name: true, startsOn: true, endsOn: true },
        orderBy: { seq: "asc" },
      },
      compounds: {
        where: compoundWhere(viewer, scope),
        select: {
          id: true,
          name: true,
          address: true,
          households: true,
          streetOffice: { select: { shortName: true } },
          contracts: { select: { name: true, contractor: { select: { shortName: true } } } },
          _count: { select: { buildings: true, zones: true } },
        },
        orderBy: { code: "asc" },
      },
    },
  });
}

export async function getCompound(db: Db, compoundId: string, viewer: Viewer, scope: Scope) {
  return db.compound.findFirst({
    where: { AND: [{ id: compoundId }, compoundWhere(viewer, scope)] },
    select: {
      id: true,
      name: true,
      address: true,
      households: true,
      builtYear: true,
      project: { select: { id: true, name: true } },
      streetOffice: { select: { name: true } },
      contracts: {
        select: { name: true, scopeZh: true, contractor: { select: { id: true, name: true } } },
      },
      buildings: {
        select: {
          ...BUILDING_FACTS,
          stairwells: {
            select: { id: true, name: true, households: true },
            orderBy: { seq: "asc" },
          },
        },
        orderBy: { seq: "asc" },
      },
      zones: {
        select: { id: true, kind: true, name: true, description: true },
        orderBy: { seq: "asc" },
      },
    },
  });
}

export async function getBuilding(db: Db, buildingId: string, viewer: Viewer, scope: Scope) {
  return db.building.findFirst({
    where: { id: buildingId, compound: compoundWhere(viewer, scope) },
    select: {
      ...BUILDING_FACTS,
      compound: COMPOUND_CRUMBS,
      stairwells: {
        select: { id: true, name: true, floors: true, households: true },
        orderBy: { seq: "asc" },
      },
    },
  });
}

export async function getStairwell(db: Db, stairwellId: string, viewer: Viewer, scope: Scope) {
  return db.stairwell.findFirst({
    where: { id: stairwellId, building: { compound: compoundWhere(viewer, scope) } },
    select: {
      id: true,
      name: true,
      floors: true,
      households: true,
      building: {
        select: {
          id: true,
          name: true,
          compound: COMPOUND_CRUMBS,
        },
      },
    },
  });
}

export async function getZone(db: Db, zoneId: string, viewer: Viewer, scope: Scope) {
  return db.zone.findFirst({
    where: { id: zoneId, compound: compoundWhere(viewer, scope) },
    select: {
      id: true,
      kind: true,
      name: true,
      description: true,
      compound: COMPOUND_CRUMBS,
    },
  });
}
