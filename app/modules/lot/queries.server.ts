import type { Db } from "~/infra/db.server";
import { queryRows } from "~/infra/sql.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { lotWhere, lotWhereSql } from "./access.server";
import type { Correction } from "./corrections";
import { toDate } from "./lot-read.server";

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
 * lots of each work type in number order, read in one statement (one index range per work
 * type); the full list is the paged lot list.
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
  const shown = workTypes.filter((wt) => counts.has(wt.code));
  return { counts, lots: await firstLotsOfTypes(db, compoundId, shown, viewer, scope, perType) };
}

/** The first `perType` lots (number order) of each work type in a compound, work types in order. */
async function firstLotsOfTypes(
  db: Db,
  compoundId: string,
  workTypes: { id: string }[],
  viewer: Actor,
  scope: Scope | null,
  perType: number,
) {
  if (workTypes.length === 0) return [];
  const visible = lotWhereSql(viewer, scope);
  const arms = workTypes.map(
    (_, i) =>
      `SELECT ${i} AS arm, id FROM (SELECT l.id FROM InspectionLot l
       ${visible ? "JOIN Compound c ON c.id = l.compoundId" : ""}
       WHERE l.compoundId = ? AND l.workTypeId = ?${visible ? ` AND (${visible.sql})` : ""}
       ORDER BY l.number LIMIT ?) AS a${i}`,
  );
  const rows = await queryRows<{
    id: string;
    number: string;
    status: string;
    placeLabel: string;
    code: string;
    nameZh: string;
  }>(
    db,
    `SELECT l.id, l.number, l.status, l.placeLabel, w.code, w.nameZh
     FROM (${arms.join(" UNION ALL ")}) AS x
     JOIN InspectionLot l ON l.id = x.id JOIN WorkType w ON w.id = l.workTypeId
     ORDER BY x.arm, l.number`,
    workTypes.flatMap((wt) => [compoundId, wt.id, ...(visible?.params ?? []), perType]),
  );
  return rows.map(({ code, nameZh, ...lot }) => ({ ...lot, workType: { code, nameZh } }));
}

/** How many lots of a work type a place page shows; the rest are paged in the lot list. */
export const PLACE_LOTS_SHOWN = 6;

/**
 * The lots a place page shows for each of its work types: the newest few and the newest still
 * open (the one to continue), in number order, with how many there are in all (counted in SQL).
 * A place holds a lot or two per work type on site; a generated county database, hundreds.
 */
export async function lotsAtPlace(
  db: Db,
  place: { stairwellId?: string; buildingId?: string; zoneId?: string },
  viewer: Actor,
  scope: Scope | null,
  workTypes: { id: string; code: string }[],
) {
  const where = { AND: [place, lotWhere(viewer, scope)] };
  const [counts, shown] = await Promise.all([
    db.inspectionLot.groupBy({ by: ["workTypeId"], where, _count: { _all: true } }),
    Promise.all(
      workTypes.map(async (wt) => {
        const own = { AND: [where, { workTypeId: wt.id }] };
        const [newest, open] = await Promise.all([
          db.inspectionLot.findMany({
            where: own,
            select: LIST_SELECT,
            orderBy: { number: "desc" },
            take: PLACE_LOTS_SHOWN,
          }),
          db.inspectionLot.findFirst({
            where: { AND: [own, { status: { not: "accepted" } }] },
            select: LIST_SELECT,
            orderBy: { number: "desc" },
          }),
        ]);
        return open && !newest.some((l) => l.id === open.id) ? [open, ...newest] : newest;
      }),
    ),
  ]);
  const total = new Map(counts.map((c) => [c.workTypeId, c._count._all]));
  return {
    lots: shown.flat().sort((a, b) => a.number.localeCompare(b.number)),
    lotCounts: Object.fromEntries(workTypes.map((wt) => [wt.code, total.get(wt.id) ?? 0])),
  };
}

/**
 * The lot's 操作记录 (every event but autosaved entries) with each actor's name, in one SQL
 * statement, and what the last sign-off recorded as the signed content hash (for
 * signatureStatus, so the page need not read the chain again).
 */
export async function lotHistory(db: Db, lotId: string) {
  const rows = await queryRows<{
    seq: number | bigint;
    at: unknown;
    action: string;
    payload: string;
    actorId: string | null;
    actor: string | null;
  }>(
    db,
    `SELECT e.seq, e.at, e.action, e.payload, e.actorId,
       u.displayName || '（' || o.shortName || '）' AS actor
     FROM AuditEvent e LEFT JOIN User u ON u.id = e.actorId
     LEFT JOIN Organization o ON o.id = u.organizationId
     WHERE e.entityType = 'InspectionLot' AND e.entityId = ? AND e.action <> 'lot.entry.save'
     ORDER BY e.seq`,
    [lotId],
  );
  let signedHash: string | null = null;
  const events = rows.map((e) => {
    const payload = JSON.parse(e.payload) as {
      reason?: string;
      verdict?: string;
      contentHash?: string;
      code?: string;
      corrections?: Correction[];
      signature?: { conclusion?: string; foreman?: string | null };
    };
    if (e.action === "lot.accept") signedHash = payload.contentHash ?? null;
    return {
      seq: Number(e.seq),
      at: toDate(e.at),
      action: e.action,
      actor: e.actorId ? (e.actor ?? "") : null,
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
  return Object.assign(events, { signedHash });
}
