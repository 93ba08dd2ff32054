import type { Db } from "~/infra/db.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { lotWhere } from "./access.server";

const LIST_SELECT = {
  id: true,
  number: true,
  status: true,
  placeLabel: true,
  updatedAt: true,
  workType: { select: { code: true, nameZh: true } },
  contractor: { select: { shortName: true } },
} as const;

export async function lotsOfCompound(
  db: Db,
  compoundId: string,
  viewer: Actor,
  scope: Scope | null,
) {
  return db.inspectionLot.findMany({
    where: { AND: [{ compoundId }, lotWhere(viewer, scope)] },
    select: LIST_SELECT,
    orderBy: [{ workType: { seq: "asc" } }, { number: "asc" }],
  });
}

export async function lotsAtPlace(
  db: Db,
  place: { stairwellId?: string; buildingId?: string; zoneId?: string },
  viewer: Actor,
  scope: Scope | null,
) {
  return db.inspectionLot.findMany({
    where: { AND: [place, lotWhere(viewer, scope)] },
    select: LIST_SELECT,
    orderBy: { number: "asc" },
  });
}

/** Events of one lot with who made them, for the lot's history. */
export async function lotHistory(db: Db, lotId: string) {
  const events = await db.auditEvent.findMany({
    where: { entityType: "InspectionLot", entityId: lotId, action: { not: "lot.entry.save" } },
    select: { seq: true, at: true, action: true, payload: true, actorId: true },
    orderBy: { seq: "asc" },
  });
  const actorIds = [
    ...new Set(events.map((e) => e.actorId).filter((id): id is string => id !== null)),
  ];
  const actors = await db.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, displayName: true, organization: { select: { shortName: true } } },
  });
  const byId = new Map(
    actors.map((a) => [a.id, `${a.displayName}（${a.organization.shortName}）`]),
  );
  return events.map((e) => {
    const payload = JSON.parse(e.payload) as { reason?: string; verdict?: string };
    return {
      seq: e.seq,
      at: e.at,
      action: e.action,
      actor: e.actorId ? (byId.get(e.actorId) ?? "") : "系统",
      reason: payload.reason ?? null,
      verdict: payload.verdict ?? null,
    };
  });
}
