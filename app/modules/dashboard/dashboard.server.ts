import type { Db } from "~/infra/db.server";
import { queryRows } from "~/infra/sql.server";
import { isAcceptanceStatus } from "~/modules/acceptance/parties";
import { type Actor, scopeFor } from "~/modules/auth/permissions";
import { SEVERITIES } from "~/modules/defect/workflow";
import { lotWhereResolved } from "~/modules/lot/access.server";
import { toDate } from "~/modules/lot/lot-read.server";
import { coverageByCompound } from "~/modules/plan/coverage.server";
import { MISSING_SHOWN } from "~/modules/plan/coverage-shown";
import { compoundWhere } from "~/modules/site/access.server";
import { phaseState, trendFromRanges, trendWeeks } from "./trend";

/**
 * Read model for the progress dashboard. Each query carries the viewer's scope in `where`, so
 * a contractor's dashboard counts only its compound's lots and its own defects, a street office
 * sees lots only.
 */
const DAY_MS = 86_400_000;

/**
 * The weekly defect trend (opened, closed, still open per Monday-based China-time week) from
 * range counts on the createdAt / closedAt indexes: the first and last dates and how many are
 * open now, then one count per shown week and column. Reads index ranges of the shown weeks
 * only, not every defect.
 */
async function defectTrend(db: Db, contractorOrgId: string | null, now: Date) {
  const scope = contractorOrgId ? "contractorOrgId = ?" : "1 = 1";
  const own = contractorOrgId ? [contractorOrgId] : [];
  const [bounds] = await queryRows<{
    firstOpened: unknown;
    lastOpened: unknown;
    lastClosed: unknown;
    openNow: number | bigint;
  }>(
    db,
    `SELECT (SELECT min(createdAt) FROM Defect WHERE ${scope}) AS firstOpened,
       (SELECT max(createdAt) FROM Defect WHERE ${scope}) AS lastOpened,
       (SELECT max(closedAt) FROM Defect WHERE ${scope}) AS lastClosed,
       (SELECT count(*) FROM Defect WHERE closedAt IS NULL AND ${scope}) AS openNow`,
    [...own, ...own, ...own, ...own],
  );
  if (!bounds?.firstOpened || !bounds.lastOpened) return [];
  const weeks = trendWeeks(
    {
      firstOpened: toDate(bounds.firstOpened),
      lastOpened: toDate(bounds.lastOpened),
      lastClosed: bounds.lastClosed ? toDate(bounds.lastClosed) : null,
    },
    now,
  );
  if (weeks.length === 0) return [];
  // kind 0 = opened, 1 = closed; week i of weeks, i = weeks.length: after the last shown week
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const [kind, column] of ["createdAt", "closedAt"].entries())
    for (let i = 0; i <= weeks.length; i++) {
      const from = i < weeks.length ? weeks[i]! : weeks.at(-1)! + WEEK_MS;
      const bounded = i < weeks.length;
      parts.push(
        `SELECT ${kind} AS kind, ${i} AS i, count(*) AS n FROM Defect
         WHERE ${column} >= ?${bounded ? ` AND ${column} < ?` : ""} AND ${scope}`,
      );
      const range = bounded ? [new Date(from), new Date(from + WEEK_MS)] : [new Date(from)];
      params.push(...range, ...own);
    }
  const rows = await queryRows<{ kind: number | bigint; i: number | bigint; n: number | bigint }>(
    db,
    parts.join(" UNION ALL "),
    params,
  );
  const opened = weeks.map(() => 0);
  const closed = weeks.map(() => 0);
  let openedAfter = 0;
  let closedAfter = 0;
  for (const r of rows) {
    const i = Number(r.i);
    const n = Number(r.n);
    if (i === weeks.length) {
      if (Number(r.kind) === 0) openedAfter = n;
      else closedAfter = n;
    } else (Number(r.kind) === 0 ? opened : closed)[i] = n;
  }
  return trendFromRanges(weeks, {
    openNow: Number(bounds.openNow),
    opened,
    closed,
    openedAfter,
    closedAfter,
  });
}
const WEEK_MS = 7 * DAY_MS;

type Counted = { _count: { _all: number } };

/**
 * Defects per compound, contractor, severity and state, and how many of them are overdue (not
 * closed, due on or before `dueBy`), in one pass over a covering index: (compoundId,
 * contractorOrgId, severity, status, dueOn), or for a contractor its own (contractorOrgId, …).
 */
async function defectCountsOf(db: Db, contractorOrgId: string | null, dueBy: Date) {
  const rows = await queryRows<{
    compoundId: string;
    contractorOrgId: string;
    severity: string;
    status: string;
    n: number | bigint;
    overdue: number | bigint | null;
  }>(
    db,
    `SELECT compoundId, contractorOrgId, severity, status, count(*) AS n,
       sum(CASE WHEN status <> 'closed' AND dueOn <= ? THEN 1 ELSE 0 END) AS overdue
     FROM Defect ${contractorOrgId ? "WHERE contractorOrgId = ?" : ""}
     GROUP BY compoundId, contractorOrgId, severity, status`,
    contractorOrgId ? [dueBy, contractorOrgId] : [dueBy],
  );
  const counts = rows.map((r) => ({
    compoundId: r.compoundId,
    contractorOrgId: r.contractorOrgId,
    severity: r.severity,
    status: r.status,
    _count: { _all: Number(r.n) },
  }));
  const overdue: ({ compoundId: string; contractorOrgId: string } & Counted)[] = rows.map((r) => ({
    compoundId: r.compoundId,
    contractorOrgId: r.contractorOrgId,
    _count: { _all: Number(r.overdue ?? 0) },
  }));
  return { counts, overdue };
}

export async function dashboard(db: Db, viewer: Actor, now = new Date()) {
  const compoundScope = scopeFor(viewer.role, "compound.view");
  const lotScope = scopeFor(viewer.role, "lot.view");
  const defectScope = scopeFor(viewer.role, "defect.view");
  const lotScopeWhere = await lotWhereResolved(db, viewer, lotScope);
  const [compounds, lotCounts, workTypes, defects, projects, acceptances] = await Promise.all([
    db.compound.findMany({
      where: compoundWhere(viewer, compoundScope),
      select: { id: true, code: true, name: true, projectId: true },
      orderBy: { code: "asc" },
    }),
    db.inspectionLot.groupBy({
      by: ["compoundId", "workTypeId", "status"],
      where: lotScopeWhere,
      _count: { _all: true },
    }),
    db.workType.findMany({ select: { id: true, nameZh: true, nameEn: true, seq: true } }),
    defectScope
      ? defectCountsOf(
          db,
          defectScope === "any" ? null : viewer.organizationId,
          new Date(now.getTime() - DAY_MS),
        )
      : Promise.resolve({ counts: [], overdue: [] }),
    db.project.findMany({
      select: {
        id: true,
        name: true,
        phases: { orderBy: { seq: "asc" }, select: { name: true, startsOn: true, endsOn: true } },
      },
    }),
    db.finalAcceptance.findMany({
      where: { status: { not: "void" } },
      select: { compoundId: true, status: true },
      orderBy: { openedAt: "asc" },
    }),
  ]);
  const trend = defectScope
    ? await defectTrend(db, defectScope === "any" ? null : viewer.organizationId, now)
    : [];
  const { counts: defectCounts, overdue: overdueCounts } = defects;
  const typeOf = new Map(workTypes.map((w) => [w.id, w]));
  const sum = <T extends { _count: { _all: number } }>(rows: T[], keep: (r: T) => boolean) =>
    rows.reduce((n, r) => n + (keep(r) ? r._count._all : 0), 0);

  const perCompound = compounds.map((c) => {
    const own = lotCounts.filter((l) => l.compoundId === c.id);
    const types = new Map<
      string,
      { nameZh: string; nameEn: string | null; seq: number; accepted: number; total: number }
    >();
    for (const l of own) {
      const wt = typeOf.get(l.workTypeId);
      const t = types.get(l.workTypeId) ?? {
        nameZh: wt?.nameZh ?? "",
        nameEn: wt?.nameEn ?? null,
        seq: wt?.seq ?? 0,
        accepted: 0,
        total: 0,
      };
      t.total += l._count._all;
      if (l.status === "accepted") t.accepted += l._count._all;
      types.set(l.workTypeId, t);
    }
    const acceptance = acceptances.filter((a) => a.compoundId === c.id).at(-1);
    const inCompound = (d: { compoundId: string }) => d.compoundId === c.id;
    return {
      id: c.id,
      name: c.name,
      lotsAccepted: sum(own, (l) => l.status === "accepted"),
      lotsTotal: sum(own, () => true),
      byWorkType: [...types.values()]
        .sort((a, b) => a.seq - b.seq)
        .map(({ nameZh, nameEn, accepted, total }) => ({
          name: nameZh,
          nameEn,
          accepted,
          remaining: total - accepted,
        })),
      defectsOpen: sum(defectCounts, (d) => inCompound(d) && d.status !== "closed"),
      defectsOverdue: sum(overdueCounts, inCompound),
      defectsClosed: sum(defectCounts, (d) => inCompound(d) && d.status === "closed"),
      // The latest completion acceptance's status (acceptance:status.*), null when none was opened.
      acceptance: acceptance && isAcceptanceStatus(acceptance.status) ? acceptance.status : null,
    };
  });

  const orgIds = [...new Set(defectCounts.map((d) => d.contractorOrgId))];
  const orgs =
    orgIds.length > 0
      ? await db.organization.findMany({
          where: { id: { in: orgIds } },
          select: { id: true, shortName: true },
        })
      : [];
  const byContractor = orgs
    .sort((a, b) => (a.shortName < b.shortName ? -1 : a.shortName > b.shortName ? 1 : 0))
    .map(({ id, shortName }) => {
      const mine = (d: { contractorOrgId: string }) => d.contractorOrgId === id;
      const row: Record<string, string | number> = { name: shortName };
      for (const s of SEVERITIES)
        row[`open_${s}`] = sum(
          defectCounts,
          (d) => mine(d) && d.severity === s && d.status !== "closed",
        );
      row.overdue = sum(overdueCounts, mine);
      row.closed = sum(defectCounts, (d) => mine(d) && d.status === "closed");
      return row;
    });

  const phases = await Promise.all(
    projects
      .filter((p) => compounds.some((c) => c.projectId === p.id))
      .map(async (p) => ({
        name: p.name,
        phases: await Promise.all(
          p.phases.map(async (ph) => ({
            ...ph,
            state: phaseState(ph, now),
            // lots of the viewer's compounds accepted within the phase's dates
            lotsAccepted: await db.inspectionLot.count({
              where: {
                AND: [
                  lotScopeWhere,
                  {
                    acceptedAt: {
                      not: null,
                      gte: ph.startsOn,
                      ...(ph.endsOn ? { lt: new Date(ph.endsOn.getTime() + DAY_MS) } : {}),
                    },
                  },
                ],
              },
            }),
          })),
        ),
      })),
  );

  return {
    showDefects: defectScope !== null,
    compounds: perCompound,
    byContractor,
    // byContractor's columns of open defects, one per severity (worded defect:severity.*)
    severities: SEVERITIES.map((s) => ({ key: `open_${s}`, severity: s })),
    trend,
    phases,
  };
}
export type Dashboard = Awaited<ReturnType<typeof dashboard>>;

/** The dashboard page: the read model and each compound's coverage of its inspection-lot plan. */
export async function dashboardPage(db: Db, viewer: Actor, now = new Date()) {
  const data = await dashboard(db, viewer, now);
  const coverage = await coverageByCompound(
    db,
    data.compounds.map((c) => c.id),
    MISSING_SHOWN.dashboard,
  );
  return {
    data,
    coverage: Object.fromEntries(data.compounds.map((c) => [c.id, coverage.get(c.id) ?? null])),
  };
}
