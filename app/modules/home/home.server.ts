import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { can, type Role, scopeFor } from "~/modules/auth/permissions";
import { defectWhere } from "~/modules/defect/access.server";
import { chinaDayStart, dueOnIso, OPEN_DEFECT_STATES } from "~/modules/defect/workflow";
import { lotWhere } from "~/modules/lot/access.server";
import { compoundWhere } from "~/modules/site/access.server";
import { type HomeKind, homeKindOf } from "./home";
import { recentPlaces, searchPlaces } from "./places.server";

/** How many rows each list on the home page shows; the count says how many there are. */
export const HOME_LIST_LIMIT = 8;

type Viewer = { id: string; role: Role; organizationId: string };

const LOT_ROW = {
  id: true,
  number: true,
  placeLabel: true,
  status: true,
  lastReason: true,
  updatedAt: true,
  submittedAt: true,
  workType: { select: { nameZh: true, nameEn: true } },
  contractor: { select: { shortName: true } },
} as const satisfies Prisma.InspectionLotSelect;

const DEFECT_ROW = {
  id: true,
  number: true,
  title: true,
  placeLabel: true,
  status: true,
  severity: true,
  dueOn: true,
  lastComment: true,
  contractor: { select: { shortName: true } },
} as const satisfies Prisma.DefectSelect;

type LotRow = Prisma.InspectionLotGetPayload<{ select: typeof LOT_ROW }>;
type DefectRow = Prisma.DefectGetPayload<{ select: typeof DEFECT_ROW }>;

export type HomeLot = {
  id: string;
  number: string;
  /** The work type as written (Chinese, and English where the checklist has it) and the place. */
  workType: { zh: string; en: string | null };
  place: string;
  detail: string;
  reason: string | null;
};
export type HomeDefect = {
  id: string;
  number: string;
  title: string;
  placeLabel: string;
  dueOn: string;
  overdue: boolean;
  dueToday: boolean;
  detail: string;
};
export type HomeList<T> = { count: number; rows: T[] };

const lotView = (l: LotRow): HomeLot => ({
  id: l.id,
  number: l.number,
  workType: { zh: l.workType.nameZh, en: l.workType.nameEn },
  place: l.placeLabel,
  detail: l.contractor.shortName,
  reason: l.lastReason,
});

function defectView(d: DefectRow, today: Date): HomeDefect {
  return {
    id: d.id,
    number: d.number,
    title: d.title,
    placeLabel: d.placeLabel,
    dueOn: dueOnIso(d.dueOn),
    overdue: d.dueOn < today,
    dueToday: d.dueOn.getTime() === today.getTime(),
    detail: d.contractor.shortName,
  };
}

async function lotList(db: Db, where: Prisma.InspectionLotWhereInput, orderBy: object) {
  const [count, rows] = await Promise.all([
    db.inspectionLot.count({ where }),
    db.inspectionLot.findMany({
      where,
      select: LOT_ROW,
      orderBy: orderBy as Prisma.InspectionLotOrderByWithRelationInput,
      take: HOME_LIST_LIMIT,
    }),
  ]);
  return { count, rows: rows.map(lotView) };
}

async function defectList(db: Db, where: Prisma.DefectWhereInput, today: Date) {
  const [count, rows] = await Promise.all([
    db.defect.count({ where }),
    db.defect.findMany({
      where,
      select: DEFECT_ROW,
      orderBy: [{ dueOn: "asc" }, { number: "asc" }],
      take: HOME_LIST_LIMIT,
    }),
  ]);
  return { count, rows: rows.map((d) => defectView(d, today)) };
}

/** 监理: lots waiting for acceptance (re-inspections first), own drafts, defects to re-check. */
async function supervisorHome(db: Db, viewer: Viewer, today: Date) {
  const lots = lotWhere(viewer, scopeFor(viewer.role, "lot.view"));
  const defects = defectWhere(viewer, scopeFor(viewer.role, "defect.view"));
  const [reinspect, submitted, drafts, review] = await Promise.all([
    lotList(
      db,
      { AND: [lots, { status: "submitted", lastReason: { not: null } }] },
      { submittedAt: "asc" },
    ),
    lotList(db, { AND: [lots, { status: "submitted", lastReason: null }] }, { submittedAt: "asc" }),
    lotList(
      db,
      { AND: [lots, { status: "draft", createdById: viewer.id }] },
      { updatedAt: "desc" },
    ),
    defectList(db, { AND: [defects, { status: "submitted" }] }, today),
  ]);
  return { kind: "supervisor" as const, reinspect, submitted, drafts, review };
}

/** 施工: own open defects by due date (soonest first), lots returned, own drafts. */
async function contractorHome(db: Db, viewer: Viewer, today: Date) {
  const own = { contractorOrgId: viewer.organizationId };
  const [defects, returned, drafts] = await Promise.all([
    defectList(db, { ...own, status: { in: ["open", "in_progress"] } }, today),
    lotList(db, { ...own, status: "rejected" }, { updatedAt: "desc" }),
    lotList(db, { ...own, status: "draft" }, { updatedAt: "desc" }),
  ]);
  return { kind: "contractor" as const, defects, returned, drafts };
}

/** 住建局 / 建设 / others: per-compound progress, and what is stuck (overdue, returned). */
async function overviewHome(db: Db, viewer: Viewer, today: Date) {
  const lotScope = scopeFor(viewer.role, "lot.view");
  const defectScope = scopeFor(viewer.role, "defect.view");
  const lots = lotWhere(viewer, lotScope);
  const defects = defectWhere(viewer, defectScope);
  const compounds = await compoundsOf(db, viewer);
  const [lotGroups, defectGroups, overdue, returned] = await Promise.all([
    lotScope
      ? db.inspectionLot.groupBy({ by: ["compoundId", "status"], where: lots, _count: true })
      : Promise.resolve([]),
    defectScope
      ? db.defect.groupBy({
          by: ["compoundId"],
          where: { AND: [defects, { status: { in: [...OPEN_DEFECT_STATES] } }] },
          _count: true,
        })
      : Promise.resolve([]),
    defectScope
      ? defectList(
          db,
          // `status IN (open states)`, not `<> closed`: an index on (status, dueOn) serves it.
          { AND: [defects, { status: { in: [...OPEN_DEFECT_STATES] }, dueOn: { lt: today } }] },
          today,
        )
      : Promise.resolve({ count: 0, rows: [] }),
    lotScope
      ? lotList(db, { AND: [lots, { status: "rejected" }] }, { updatedAt: "asc" })
      : Promise.resolve({ count: 0, rows: [] }),
  ]);
  const progress = compounds.map((c) => {
    const mine = lotGroups.filter((g) => g.compoundId === c.id);
    const total = mine.reduce((s, g) => s + g._count, 0);
    const accepted = mine.find((g) => g.status === "accepted")?._count ?? 0;
    const submitted = mine.find((g) => g.status === "submitted")?._count ?? 0;
    const openDefects = defectGroups.find((g) => g.compoundId === c.id)?._count ?? 0;
    return { ...c, total, accepted, submitted, openDefects };
  });
  return {
    kind: "overview" as const,
    showDefects: defectScope !== null,
    progress,
    overdue,
    returned,
  };
}

/** The compounds the viewer may open: the way into browsing by place. */
export function compoundsOf(db: Db, viewer: Viewer) {
  return db.compound.findMany({
    where: compoundWhere(viewer, scopeFor(viewer.role, "compound.view")),
    select: { id: true, name: true, address: true },
    orderBy: { code: "asc" },
    take: 50,
  });
}

export async function homeFor(db: Db, viewer: Viewer, now = new Date()) {
  const today = chinaDayStart(now);
  const kind: HomeKind = homeKindOf(viewer);
  if (kind === "supervisor") return supervisorHome(db, viewer, today);
  if (kind === "contractor") return contractorHome(db, viewer, today);
  return overviewHome(db, viewer, today);
}

export type Home = Awaited<ReturnType<typeof homeFor>>;

/**
 * The home page: the viewer's lists, its compounds and, for whoever opens lots, the place
 * picker (search `q` and the places worked on last).
 */
export async function homePage(db: Db, viewer: Viewer, q: string) {
  const query = q.trim().slice(0, 40);
  const [home, compounds, picker] = await Promise.all([
    homeFor(db, viewer),
    compoundsOf(db, viewer),
    can(viewer, "lot.create")
      ? Promise.all([
          query ? searchPlaces(db, viewer, query) : Promise.resolve([]),
          recentPlaces(db, viewer),
        ]).then(([hits, recent]) => ({ q: query, hits, recent }))
      : Promise.resolve(null),
  ]);
  return { home, compounds, picker };
}
