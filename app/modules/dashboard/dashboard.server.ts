import type { Db } from "~/infra/db.server";
import { acceptanceStatusZh } from "~/modules/acceptance/parties";
import { type Actor, scopeFor } from "~/modules/auth/permissions";
import { defectWhere } from "~/modules/defect/access.server";
import {
  isDefectState,
  isOverdue,
  SEVERITIES,
  SEVERITY_LABELS_ZH,
} from "~/modules/defect/workflow";
import { lotWhere } from "~/modules/lot/access.server";
import { compoundWhere } from "~/modules/site/access.server";
import { phaseState, weeklyTrend } from "./trend";

/**
 * Read model for the progress dashboard. Each query carries the viewer's scope in `where`, so
 * a contractor's dashboard counts only its compound's lots and its own defects, a street office
 * sees lots only.
 */
export async function dashboard(db: Db, viewer: Actor, now = new Date()) {
  const compoundScope = scopeFor(viewer.role, "compound.view");
  const lotScope = scopeFor(viewer.role, "lot.view");
  const defectScope = scopeFor(viewer.role, "defect.view");
  const [compounds, lots, defects, projects, acceptances] = await Promise.all([
    db.compound.findMany({
      where: compoundWhere(viewer, compoundScope),
      select: { id: true, code: true, name: true, projectId: true },
      orderBy: { code: "asc" },
    }),
    db.inspectionLot.findMany({
      where: lotWhere(viewer, lotScope),
      select: {
        compoundId: true,
        status: true,
        acceptedAt: true,
        workType: { select: { code: true, nameZh: true, seq: true } },
      },
    }),
    defectScope
      ? db.defect.findMany({
          where: defectWhere(viewer, defectScope),
          select: {
            compoundId: true,
            status: true,
            severity: true,
            dueOn: true,
            createdAt: true,
            closedAt: true,
            contractor: { select: { shortName: true } },
          },
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

  const perCompound = compounds.map((c) => {
    const own = lots.filter((l) => l.compoundId === c.id);
    const types = new Map<
      string,
      { nameZh: string; seq: number; accepted: number; total: number }
    >();
    for (const l of own) {
      const t = types.get(l.workType.code) ?? {
        nameZh: l.workType.nameZh,
        seq: l.workType.seq,
        accepted: 0,
        total: 0,
      };
      t.total += 1;
      if (l.status === "accepted") t.accepted += 1;
      types.set(l.workType.code, t);
    }
    const cd = defects.filter((d) => d.compoundId === c.id);
    const acceptance = acceptances.filter((a) => a.compoundId === c.id).at(-1);
    return {
      id: c.id,
      name: c.name,
      lotsAccepted: own.filter((l) => l.status === "accepted").length,
      lotsTotal: own.length,
      byWorkType: [...types.values()]
        .sort((a, b) => a.seq - b.seq)
        .map(({ nameZh, accepted, total }) => ({
          name: nameZh,
          accepted,
          remaining: total - accepted,
        })),
      defectsOpen: cd.filter((d) => d.status !== "closed").length,
      defectsOverdue: cd.filter((d) => isDefectState(d.status) && isOverdue(d.dueOn, d.status, now))
        .length,
      defectsClosed: cd.filter((d) => d.status === "closed").length,
      acceptanceZh: acceptance ? acceptanceStatusZh(acceptance.status) : "未验收",
    };
  });

  const contractors = [...new Set(defects.map((d) => d.contractor.shortName))].sort();
  const byContractor = contractors.map((name) => {
    const own = defects.filter((d) => d.contractor.shortName === name);
    const row: Record<string, string | number> = { name };
    for (const s of SEVERITIES) {
      row[`open_${s}`] = own.filter((d) => d.severity === s && d.status !== "closed").length;
    }
    row.overdue = own.filter(
      (d) => isDefectState(d.status) && isOverdue(d.dueOn, d.status, now),
    ).length;
    row.closed = own.filter((d) => d.status === "closed").length;
    return row;
  });

  return {
    showDefects: defectScope !== null,
    compounds: perCompound,
    byContractor,
    severities: SEVERITIES.map((s) => ({
      key: `open_${s}`,
      label: `${SEVERITY_LABELS_ZH[s]}（未关闭）`,
    })),
    trend: weeklyTrend(defects, now),
    phases: projects
      .filter((p) => compounds.some((c) => c.projectId === p.id))
      .map((p) => ({
        name: p.name,
        phases: p.phases.map((ph) => ({
          ...ph,
          state: phaseState(ph, now),
          // lots of the viewer's compounds accepted within the phase's dates
          lotsAccepted: lots.filter(
            (l) =>
              l.acceptedAt &&
              l.acceptedAt >= ph.startsOn &&
              (!ph.endsOn || l.acceptedAt.getTime() < ph.endsOn.getTime() + 86_400_000),
          ).length,
        })),
      })),
  };
}
export type Dashboard = Awaited<ReturnType<typeof dashboard>>;
