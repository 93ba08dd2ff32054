import type { Db } from "~/infra/db.server";
import { z } from "~/infra/zod";
import { type Actor, type Scope, scopeFor } from "~/modules/auth/permissions";
import { compoundWhere } from "~/modules/site/access.server";
import { lotWhere } from "./access.server";
import { LOT_STATES } from "./workflow";

export const LotFilterSchema = z.object({
  compoundId: z.string().min(1).optional().catch(undefined),
  workType: z.string().min(1).optional().catch(undefined),
  status: z.enum(LOT_STATES).optional().catch(undefined),
  contractorOrgId: z.string().min(1).optional().catch(undefined),
  /** one place's lots, as `stairwell:<id>`, `building:<id>` or `zone:<id>` (a place page's link) */
  place: z
    .string()
    .regex(/^(stairwell|building|zone):[a-z0-9]{1,40}$/)
    .optional()
    .catch(undefined),
});
export type LotFilter = z.infer<typeof LotFilterSchema>;

/** The lot columns a `place` filter names. */
export function placeWhere(place: string | undefined) {
  const [kind, id] = place?.split(":") ?? [];
  if (!id) return {};
  if (kind === "stairwell") return { stairwellId: id };
  if (kind === "building") return { buildingId: id };
  return { zoneId: id };
}

function lotListWhere(viewer: Actor, scope: Scope, filter: LotFilter) {
  return {
    AND: [
      lotWhere(viewer, scope),
      filter.compoundId ? { compoundId: filter.compoundId } : {},
      filter.workType ? { workType: { code: filter.workType } } : {},
      filter.status ? { status: filter.status } : {},
      filter.contractorOrgId ? { contractorOrgId: filter.contractorOrgId } : {},
      placeWhere(filter.place),
    ],
  };
}

/** How many lots the list's filters match, counted in SQL. */
export function lotRegisterCount(db: Db, viewer: Actor, scope: Scope, filter: LotFilter) {
  return db.inspectionLot.count({ where: lotListWhere(viewer, scope, filter) });
}

/**
 * One page of the lot list as its page shows it, by compound then number, and the next page's
 * cursor (null on the last). A lot's number starts with its compound's code and a hyphen, so
 * the number alone orders by compound first, and keyset paging runs on its unique index.
 */
export async function lotRegisterPage(
  db: Db,
  viewer: Actor,
  scope: Scope,
  filter: LotFilter,
  page: { after?: string; take?: number } = {},
) {
  const take = page.take ?? 50;
  const after = page.after && page.after.length <= 60 ? page.after : undefined;
  const rows = await db.inspectionLot.findMany({
    where: {
      AND: [lotListWhere(viewer, scope, filter), after ? { number: { gt: after } } : {}],
    },
    select: {
      id: true,
      number: true,
      status: true,
      placeLabel: true,
      capacity: true,
      capacityUnit: true,
      recordsComplete: true,
      submittedAt: true,
      acceptedAt: true,
      compound: { select: { name: true } },
      workType: { select: { nameZh: true, division: true } },
      contractor: { select: { shortName: true } },
      acceptedBy: { select: { displayName: true } },
      _count: { select: { defects: true } },
    },
    orderBy: { number: "asc" },
    take: take + 1,
  });
  const shown = rows.slice(0, take);
  return {
    rows: shown.map(registerRow),
    next: rows.length > take ? (shown.at(-1)?.number ?? null) : null,
  };
}

/** Every lot of the list, page by page (the Excel export). */
export async function* eachLotRegisterRow(db: Db, viewer: Actor, scope: Scope, filter: LotFilter) {
  let after: string | undefined;
  for (;;) {
    const page = await lotRegisterPage(db, viewer, scope, filter, { after, take: 500 });
    yield* page.rows;
    if (!page.next) return;
    after = page.next;
  }
}

/** The whole list as an array (small lists; the export streams with eachLotRegisterRow). */
export async function lotRegister(db: Db, viewer: Actor, scope: Scope, filter: LotFilter) {
  const rows: LotRegisterRow[] = [];
  for await (const r of eachLotRegisterRow(db, viewer, scope, filter)) rows.push(r);
  return rows;
}

type LotListRow = {
  id: string;
  number: string;
  status: string;
  placeLabel: string;
  capacity: number | null;
  capacityUnit: string | null;
  recordsComplete: boolean;
  submittedAt: Date | null;
  acceptedAt: Date | null;
  compound: { name: string };
  workType: { nameZh: string; division: string };
  contractor: { shortName: string };
  acceptedBy: { displayName: string } | null;
  _count: { defects: number };
};

function registerRow(l: LotListRow) {
  return {
    id: l.id,
    number: l.number,
    compound: l.compound.name,
    workType: l.workType.nameZh,
    division: l.workType.division,
    placeLabel: l.placeLabel,
    capacity: l.capacity ? `${l.capacity} ${l.capacityUnit ?? ""}`.trim() : "",
    contractor: l.contractor.shortName,
    status: l.status,
    recordsComplete: l.recordsComplete,
    submittedAt: l.submittedAt,
    acceptedAt: l.acceptedAt,
    acceptedBy: l.acceptedBy?.displayName ?? null,
    defects: l._count.defects,
  };
}
export type LotRegisterRow = ReturnType<typeof registerRow>;

/**
 * The lot list page: one page of the register, its total, and the filter choices this viewer may
 * use (compounds it sees; contractors only for viewers who see every contractor's lots).
 */
export async function lotListPage(
  db: Db,
  viewer: Actor,
  scope: Scope,
  filter: LotFilter,
  after: string | undefined,
) {
  const [page, total, compounds, workTypes, contractors] = await Promise.all([
    lotRegisterPage(db, viewer, scope, filter, { after }),
    lotRegisterCount(db, viewer, scope, filter),
    db.compound.findMany({
      where: compoundWhere(viewer, scopeFor(viewer.role, "compound.view")),
      select: { id: true, name: true },
      orderBy: { code: "asc" },
    }),
    db.workType.findMany({ select: { code: true, nameZh: true }, orderBy: { seq: "asc" } }),
    scope === "any"
      ? db.organization.findMany({
          where: { kind: "contractor" },
          select: { id: true, shortName: true },
          orderBy: { name: "asc" },
        })
      : [],
  ]);
  return {
    filter,
    lots: page.rows,
    next: page.next,
    total,
    compounds,
    workTypes,
    contractors,
    canExport: scopeFor(viewer.role, "report.export") !== null,
  };
}
