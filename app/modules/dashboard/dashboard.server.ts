import { Prisma } from "~/generated/prisma/client";
import { type Db, dbKind } from "~/infra/db.server";
import { isAcceptanceStatus } from "~/modules/acceptance/parties";
import { type Actor, scopeFor } from "~/modules/auth/permissions";
import { defectWhere } from "~/modules/defect/access.server";
import { SEVERITIES } from "~/modules/defect/workflow";
import { lotWhere } from "~/modules/lot/access.server";
import { coverageByCompound } from "~/modules/plan/coverage.server";
import { compoundWhere } from "~/modules/site/access.server";
import { phaseState, trendFromWeeks, weekStart } from "./trend";

/**
 * Read model for the progress dashboard. Each query carries the viewer's scope in `where`, so
 * a contractor's dashboard counts only its compound's lots and its own defects, a street office
 * sees lots only.
 */
const DAY_MS = 86_400_000;

/**
 * Defects opened and closed per Monday-based China-time week, counted in SQL by UTC hour (a
 * China week starts on a whole UTC hour) and summed per week here: a few thousand small groups,
 * read from a covering index, instead of every defect.
 */
async function weeklyDefectCounts(db: Db, contractorOrgId: string | null) {
  const scope = contractorOrgId
    ? Prisma.sql`AND "contractorOrgId" = ${contractorOrgId}`
    : Prisma.empty;
  // The UTC hour "YYYY-MM-DDTHH": SQLite keeps DateTime as ISO text, PostgreSQL as timestamp(3).
  const hour = (column: string) =>
    dbKind(db) === "postgres"
      ? Prisma.raw(`to_char("${column}", 'YYYY-MM-DD"T"HH24')`)
      : Prisma.raw(`substr("${column}", 1, 13)`);
  const [opened, closed] = await Promise.all([
    db.$queryRaw<{ h: string; n: number | bigint }[]>`
      SELECT ${hour("createdAt")} AS h, count(*) AS n FROM "Defect"
      WHERE "createdAt" IS NOT NULL ${scope} GROUP BY h`,
    db.$queryRaw<{ h: string; n: number | bigint }[]>`
      SELECT ${hour("closedAt")} AS h, count(*) AS n FROM "Defect"
      WHERE "closedAt" IS NOT NULL ${scope} GROUP BY h`,
  ]);
  const byWeek = (rows: { h: string; n: number | bigint }[]) => {
    const weeks = new Map<number, number>();
    for (const r of rows) {
      const w = weekStart(new Date(`${r.h}:00:00Z`));
      weeks.set(w, (weeks.get(w) ?? 0) + Number(r.n));
    }
    return weeks;
  };
  return { opened: byWeek(opened), closed: byWeek(closed) };
}

export async function dashboard(db: Db, viewer: Actor, now = new Date()) {
  const compoundScope = scopeFor(viewer.role, "compound.view");
  const lotScope = scopeFor(viewer.role, "lot.view");
  const defectScope = scopeFor(viewer.role, "defect.view");
  const lotScopeWhere = lotWhere(viewer, lotScope);
  const defectScopeWhere = defectWhere(viewer, defectScope);
  const overdueWhere = {
    AND: [
      defectScopeWhere,
      { status: { not: "closed" }, dueOn: { lte: new Date(now.getTime() - DAY_MS) } },
    ],
  };
  const [compounds, lotCounts, workTypes, defectCounts, overdueCounts, projects, acceptances] =
    await Promise.all([
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
        ? db.defect.groupBy({
            by: ["compoundId", "contractorOrgId", "severity", "status"],
            where: defectScopeWhere,
            _count: { _all: true },
          })
        : Promise.resolve([]),
      defectScope
        ? db.defect.groupBy({
            by: ["compoundId", "contractorOrgId"],
            where: overdueWhere,
            _count: { _all: true },
          })
        : Promise.resolve([]),
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
    ? trendFromWeeks(
        await weeklyDefectCounts(db, defectScope === "any" ? null : viewer.organizationId),
        now,
      )
    : [];
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
  );
  return {
    data,
    coverage: Object.fromEntries(data.compounds.map((c) => [c.id, coverage.get(c.id) ?? null])),
  };
}
