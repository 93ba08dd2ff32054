import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { can, type Role, scopeFor } from "~/modules/auth/permissions";
import { lotWhere } from "~/modules/lot/access.server";
import { compoundWhere } from "~/modules/site/access.server";
import { parsePlaceQuery } from "./home";

export type PlaceHit = {
  kind: "stairwell" | "building" | "zone";
  id: string;
  label: string;
  compound: string;
  href: string;
};

type Viewer = { id: string; role: Role; organizationId: string };

const SEARCH_LIMIT = 12;
const RECENT_LIMIT = 6;

const hrefOf = (kind: PlaceHit["kind"], id: string) =>
  kind === "stairwell"
    ? `/stairwells/${id}`
    : kind === "zone"
      ? `/zones/${id}`
      : `/buildings/${id}`;

/** 单元 and 室外区域 matching "3-2", "3栋2单元", "3" or a zone's name, in the viewer's compounds. */
export async function searchPlaces(db: Db, viewer: Viewer, raw: string): Promise<PlaceHit[]> {
  const q = parsePlaceQuery(raw);
  const compound = compoundWhere(viewer, scopeFor(viewer.role, "compound.view"));
  const hits: PlaceHit[] = [];
  if (q.building !== null) {
    const where: Prisma.StairwellWhereInput = {
      building: { seq: q.building, compound },
      ...(q.unit !== null ? { seq: q.unit } : {}),
    };
    const stairwells = await db.stairwell.findMany({
      where,
      select: {
        id: true,
        name: true,
        building: { select: { name: true, compound: { select: { name: true } } } },
      },
      orderBy: [{ building: { compound: { code: "asc" } } }, { seq: "asc" }],
      take: SEARCH_LIMIT,
    });
    for (const s of stairwells)
      hits.push({
        kind: "stairwell",
        id: s.id,
        label: `${s.building.name}${s.name}`,
        compound: s.building.compound.name,
        href: hrefOf("stairwell", s.id),
      });
  }
  if (q.text) {
    const zones = await db.zone.findMany({
      where: { compound, name: { contains: q.text } },
      select: { id: true, name: true, compound: { select: { name: true } } },
      orderBy: [{ compound: { code: "asc" } }, { seq: "asc" }],
      take: SEARCH_LIMIT,
    });
    for (const z of zones)
      hits.push({
        kind: "zone",
        id: z.id,
        label: z.name,
        compound: z.compound.name,
        href: hrefOf("zone", z.id),
      });
  }
  return hits.slice(0, SEARCH_LIMIT);
}

/** The places of the lots the viewer worked on last (opened, or the contractor's own), newest first. */
export async function recentPlaces(db: Db, viewer: Viewer): Promise<PlaceHit[]> {
  const scope = scopeFor(viewer.role, "lot.view");
  if (scope === null) return [];
  const mine: Prisma.InspectionLotWhereInput = can(viewer, "lot.submit")
    ? { contractorOrgId: viewer.organizationId }
    : {
        OR: [{ createdById: viewer.id }, { submittedById: viewer.id }, { acceptedById: viewer.id }],
      };
  const lots = await db.inspectionLot.findMany({
    where: { AND: [lotWhere(viewer, scope), mine] },
    select: {
      placeKind: true,
      placeLabel: true,
      stairwellId: true,
      buildingId: true,
      zoneId: true,
      compound: { select: { name: true } },
    },
    orderBy: { updatedAt: "desc" },
    take: 40,
  });
  const seen = new Set<string>();
  const out: PlaceHit[] = [];
  for (const l of lots) {
    const kind =
      l.placeKind === "zone" ? "zone" : l.placeKind === "building" ? "building" : "stairwell";
    const id = l.stairwellId ?? l.zoneId ?? l.buildingId;
    if (!id || seen.has(id)) continue;
    seen.add(id);
    out.push({ kind, id, label: l.placeLabel, compound: l.compound.name, href: hrefOf(kind, id) });
    if (out.length === RECENT_LIMIT) break;
  }
  return out;
}
