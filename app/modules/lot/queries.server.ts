import type { Db } from "~/infra/db.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { lotWhere } from "./access.server";
import type { Correction } from "./corrections";

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

/**
 * A compound's lots at a glance: counts per work type code (in SQL) and the first `perType`
 * lots of each work type; the full list is the paged lot list.
 */
export async function compoundLotOverview(
  db: Db,
  compoundId: string,
  viewer: Actor,
  scope: Scope | null,
  perType = 12,
) {
  const where = { AND: [{ compoundId }, lotWhere(viewer, scope)] };
  const [groups, workTypes] = await Promise.all([
    db.inspectionLot.groupBy({
      by: ["workTypeId", "status"],
      where,
      _count: { _all: true },
    }),
    db.workType.findMany({ select: { id: true, code: true, seq: true }, orderBy: { seq: "asc" } }),
  ]);
  const counts = new Map<string, { accepted: number; total: number }>();
  for (const wt of workTypes) {
    const own = groups.filter((g) => g.workTypeId === wt.id);
    if (own.length === 0) continue;
    counts.set(wt.code, {
      total: own.reduce((n, g) => n + g._count._all, 0),
      accepted: own.reduce((n, g) => n + (g.status === "accepted" ? g._count._all : 0), 0),
    });
  }
  const shown = await Promise.all(
    workTypes
      .filter((wt) => counts.has(wt.code))
      .map((wt) =>
        db.inspectionLot.findMany({
          where: { AND: [where, { workTypeId: wt.id }] },
          select: LIST_SELECT,
          orderBy: { number: "asc" },
          take: perType,
        }),
      ),
  );
  return { counts, lots: shown.flat() };
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
    const payload = JSON.parse(e.payload) as {
      reason?: string;
      verdict?: string;
      code?: string;
      corrections?: Correction[];
      signature?: { conclusion?: string; foreman?: string | null };
    };
    return {
      seq: e.seq,
      at: e.at,
      action: e.action,
      actor: e.actorId ? (byId.get(e.actorId) ?? "") : "系统",
      reason: payload.reason ?? null,
      verdict: payload.verdict ?? null,
      // 更正实测值: the item and each point's old value (struck through on the page) and new one.
      corrections: payload.corrections
        ? { code: payload.code ?? "", list: payload.corrections }
        : null,
      conclusion: payload.signature?.conclusion ?? null,
      foreman: payload.signature?.foreman ?? null,
    };
  });
}
