import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { eventsFor } from "~/modules/audit/record.server";
import type { Actor, Role, Scope } from "~/modules/auth/permissions";
import { compoundWhere } from "~/modules/site/access.server";
import { defectWhere } from "./access.server";
import { type DefectState, OPEN_DEFECT_STATES, type Severity } from "./workflow";

// Reading defects: one defect, the list (filters, keyset pages, counts), its history, and what
// the standalone form offers. Changes live in defects.server.ts.

/** What the standalone form offers for a compound: its contractors, places and work types. */
export async function standaloneDefectOptions(db: Db, viewer: Actor, compoundId: string) {
  const compound = await db.compound.findFirst({
    where: { AND: [{ id: compoundId }, compoundWhere(viewer, "any")] },
    select: {
      id: true,
      name: true,
      contracts: { select: { contractor: { select: { id: true, name: true } } } },
      buildings: {
        select: { name: true, stairwells: { select: { name: true }, orderBy: { seq: "asc" } } },
        orderBy: { seq: "asc" },
      },
      zones: { select: { name: true }, orderBy: { seq: "asc" } },
    },
  });
  if (!compound) return null;
  const workTypes = await db.workType.findMany({
    select: { code: true, nameZh: true },
    orderBy: { seq: "asc" },
  });
  return {
    compound: { id: compound.id, name: compound.name },
    contractors: compound.contracts.map((c) => c.contractor),
    places: [
      ...compound.buildings.flatMap((b) => [
        b.name,
        ...b.stairwells.map((s) => `${b.name}${s.name}`),
      ]),
      ...compound.zones.map((z) => z.name),
    ],
    workTypes,
  };
}

export const DEFECT_SELECT = {
  id: true,
  number: true,
  title: true,
  description: true,
  severity: true,
  status: true,
  dueOn: true,
  placeLabel: true,
  lastComment: true,
  contractorOrgId: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
  closedAt: true,
  compound: { select: { id: true, name: true, code: true } },
  lot: { select: { id: true, number: true } },
  item: { select: { code: true, textZh: true } },
  workType: { select: { nameZh: true } },
  contractor: { select: { name: true, shortName: true } },
  createdBy: { select: { displayName: true, title: true } },
} as const;

export async function getDefect(db: Db, defectId: string, viewer: Actor, scope: Scope) {
  return db.defect.findFirst({
    where: { AND: [{ id: defectId }, defectWhere(viewer, scope)] },
    select: DEFECT_SELECT,
  });
}
export type DefectDetail = NonNullable<Awaited<ReturnType<typeof getDefect>>>;

export type DefectFilter = {
  status?: DefectState;
  severity?: Severity;
  compoundId?: string;
  contractorOrgId?: string;
  workTypeCode?: string;
  /** part of the place's name, e.g. 3栋 */
  place?: string;
};

const DAY_MS = 86_400_000;

/** The list's filters as a `where`, scope first (a guessed id finds nothing). */
export function defectListWhere(
  viewer: Actor,
  scope: Scope,
  filter: DefectFilter & { overdue?: "1" },
  now = new Date(),
): Prisma.DefectWhereInput {
  return {
    AND: [
      defectWhere(viewer, scope),
      filter.status ? { status: filter.status } : {},
      filter.severity ? { severity: filter.severity } : {},
      filter.compoundId ? { compoundId: filter.compoundId } : {},
      filter.contractorOrgId ? { contractorOrgId: filter.contractorOrgId } : {},
      filter.workTypeCode ? { workType: { code: filter.workTypeCode } } : {},
      filter.place ? { placeLabel: { contains: filter.place } } : {},
      // overdue: not closed and past the due day (the workflow's isOverdue, in SQL)
      filter.overdue
        ? { status: { in: OPEN_DEFECT_STATES }, dueOn: { lte: new Date(now.getTime() - DAY_MS) } }
        : {},
    ],
  };
}

const LIST_SELECT = {
  ...DEFECT_SELECT,
  photos: {
    select: { id: true, role: true },
    orderBy: [{ uploadedAt: "asc" as const }, { id: "asc" as const }],
  },
} satisfies Prisma.DefectSelect;

/**
 * Keyset cursor of the defect list: the list runs not-closed defects first, then closed ones,
 * each by due day then number; the cursor names the segment and the last row's sort key.
 */
const encodeCursor = (closed: boolean, dueOn: Date, number: string) =>
  `${closed ? "c" : "o"}.${dueOn.getTime()}.${number}`;
function decodeCursor(cursor: string | undefined) {
  const m = cursor ? /^([oc])\.(\d{1,15})\.(.{1,60})$/.exec(cursor) : null;
  return m ? { closed: m[1] === "c", dueOn: new Date(Number(m[2])), number: m[3]! } : null;
}

/**
 * One page of the defects the viewer may see, soonest due first (closed ones last), and the
 * cursor of the next page (null on the last one).
 */
export async function listDefectsPage(
  db: Db,
  viewer: Actor,
  scope: Scope,
  filter: DefectFilter & { overdue?: "1" } = {},
  page: { after?: string; take?: number } = {},
  now = new Date(),
) {
  const take = page.take ?? 50;
  const where = defectListWhere(viewer, scope, filter, now);
  const cursor = decodeCursor(page.after);
  const rows: Prisma.DefectGetPayload<{ select: typeof LIST_SELECT }>[] = [];
  for (const closed of [false, true]) {
    if (cursor?.closed && !closed) continue;
    const after =
      cursor && cursor.closed === closed
        ? {
            OR: [
              { dueOn: { gt: cursor.dueOn } },
              { dueOn: cursor.dueOn, number: { gt: cursor.number } },
            ],
          }
        : {};
    rows.push(
      ...(await db.defect.findMany({
        where: {
          AND: [where, closed ? { status: "closed" } : { status: { not: "closed" } }, after],
        },
        select: LIST_SELECT,
        orderBy: [{ dueOn: "asc" }, { number: "asc" }],
        take: take + 1 - rows.length,
      })),
    );
    if (rows.length > take) break;
  }
  const more = rows.length > take;
  const shown = rows.slice(0, take);
  const last = shown.at(-1);
  return {
    rows: shown,
    next: more && last ? encodeCursor(last.status === "closed", last.dueOn, last.number) : null,
  };
}

/** Every defect the viewer may see in list order, read page by page (exports, tests). */
export async function* eachDefect(
  db: Db,
  viewer: Actor,
  scope: Scope,
  filter: DefectFilter & { overdue?: "1" } = {},
  now = new Date(),
) {
  let after: string | undefined;
  for (;;) {
    const page = await listDefectsPage(db, viewer, scope, filter, { after, take: 500 }, now);
    yield* page.rows;
    if (!page.next) return;
    after = page.next;
  }
}

/** Defects the viewer may see, soonest due first (closed ones last). */
export async function listDefects(db: Db, viewer: Actor, scope: Scope, filter: DefectFilter = {}) {
  const rows = [];
  for await (const row of eachDefect(db, viewer, scope, filter)) rows.push(row);
  return rows;
}

/** Counts per status and overdue for the list's filters, in SQL. */
export async function defectListCounts(
  db: Db,
  viewer: Actor,
  scope: Scope,
  filter: DefectFilter & { overdue?: "1" },
  now = new Date(),
) {
  const where = defectListWhere(viewer, scope, filter, now);
  const [byStatus, overdue] = await Promise.all([
    db.defect.groupBy({ by: ["status"], where, _count: { _all: true } }),
    db.defect.count({
      where: {
        AND: [
          where,
          { status: { in: OPEN_DEFECT_STATES }, dueOn: { lte: new Date(now.getTime() - DAY_MS) } },
        ],
      },
    }),
  ]);
  const counts: Record<string, number> = { all: 0, overdue };
  for (const g of byStatus) {
    counts[g.status] = g._count._all;
    counts.all = (counts.all ?? 0) + g._count._all;
  }
  return counts;
}

/** 整改后 photos not yet part of an earlier reply: what the next reply would bring. */
export async function unrepliedAfterPhotos(db: Db, defectId: string) {
  const replied = new Set(
    (await eventsFor(db, "Defect", defectId))
      .filter((e) => e.action === "defect.reply")
      .flatMap((e) => (JSON.parse(e.payload) as { photos?: string[] }).photos ?? []),
  );
  const after = await db.photo.findMany({
    where: { defectId, role: "after" },
    select: { sha256: true },
    orderBy: [{ uploadedAt: "asc" }, { id: "asc" }],
  });
  return after.map((p) => p.sha256).filter((sha) => !replied.has(sha));
}

export async function defectHistory(db: Db, defectId: string) {
  const events = await eventsFor(db, "Defect", defectId);
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((x): x is string => !!x))];
  const users = await db.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, displayName: true, organization: { select: { shortName: true } } },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  return events.map((e) => {
    const payload = JSON.parse(e.payload) as {
      from?: string;
      to?: string;
      comment?: string;
      photos?: string[];
    };
    const user = e.actorId ? byId.get(e.actorId) : undefined;
    return {
      seq: e.seq,
      at: e.at,
      action: e.action,
      from: payload.from ?? null,
      to: payload.to ?? null,
      comment: payload.comment ?? null,
      photos: payload.photos ?? [],
      actor: user ? { name: user.displayName, org: user.organization.shortName } : null,
    };
  });
}

export function isOwnContractor(viewer: { role: Role; organizationId: string }, d: DefectDetail) {
  return viewer.role === "contractor" && viewer.organizationId === d.contractorOrgId;
}
