import type { Db } from "~/infra/db.server";
import { type CoverageLot, planCoverage } from "./plan";

/** A plan with its 分项 and planned lots, as the plan page and coverage read it. */
export const PLAN_SELECT = {
  id: true,
  compoundId: true,
  status: true,
  createdAt: true,
  approvedAt: true,
  approvedById: true,
  subItems: {
    orderBy: { seq: "asc" },
    select: {
      id: true,
      seq: true,
      division: true,
      subDivision: true,
      name: true,
      standard: true,
      workTypeCode: true,
    },
  },
  lots: {
    orderBy: { seq: "asc" },
    select: {
      id: true,
      subItemId: true,
      seq: true,
      workTypeCode: true,
      placeKind: true,
      placeId: true,
      placeLabel: true,
      capacity: true,
      capacityUnit: true,
    },
  },
} as const;

/** What coverage reads of a lot: its work type and place. */
const COVERAGE_LOT_SELECT = {
  id: true,
  compoundId: true,
  number: true,
  status: true,
  recordsComplete: true,
  placeKind: true,
  stairwellId: true,
  buildingId: true,
  zoneId: true,
  workType: { select: { code: true } },
} as const;

type SelectedLot = {
  id: string;
  number: string;
  status: string;
  recordsComplete: boolean;
  placeKind: string;
  stairwellId: string | null;
  buildingId: string | null;
  zoneId: string | null;
  workType: { code: string };
};

function coverageLot(l: SelectedLot): CoverageLot {
  return {
    id: l.id,
    number: l.number,
    status: l.status,
    recordsComplete: l.recordsComplete,
    workTypeCode: l.workType.code,
    placeKind: l.placeKind,
    placeId:
      l.placeKind === "stairwell"
        ? l.stairwellId
        : l.placeKind === "zone"
          ? l.zoneId
          : l.buildingId,
  };
}

/** The compound's lots as coverage reads them (work type and place). */
export async function coverageLots(db: Db, compoundId: string): Promise<CoverageLot[]> {
  const lots = await db.inspectionLot.findMany({
    where: { compoundId },
    select: COVERAGE_LOT_SELECT,
  });
  return lots.map(coverageLot);
}

/**
 * Coverage of many compounds in three queries (the dashboard): per compound with a plan, its
 * status, totals and per-分项 counts with the missing places.
 */
export async function coverageByCompound(db: Db, compoundIds: string[]) {
  const plans = await db.inspectionPlan.findMany({
    where: { compoundId: { in: compoundIds } },
    select: PLAN_SELECT,
  });
  if (plans.length === 0) return new Map<string, PlanSummary>();
  const lots = await db.inspectionLot.findMany({
    where: { compoundId: { in: plans.map((p) => p.compoundId) } },
    select: COVERAGE_LOT_SELECT,
  });
  const result = new Map<string, PlanSummary>();
  for (const plan of plans) {
    const own = lots.filter((l) => l.compoundId === plan.compoundId).map(coverageLot);
    result.set(plan.compoundId, summarise(plan, planCoverage(plan.subItems, plan.lots, own)));
  }
  return result;
}

export type PlanSummary = ReturnType<typeof summarise>;

/** What the compound page and dashboard show: counts per 分项 and its missing places. */
export function summarise(plan: { status: string }, coverage: ReturnType<typeof planCoverage>) {
  const sum = (k: "planned" | "opened" | "accepted") => coverage.reduce((n, s) => n + s[k], 0);
  return {
    status: plan.status,
    totals: { planned: sum("planned"), opened: sum("opened"), accepted: sum("accepted") },
    subItems: coverage.map((s) => ({
      id: s.id,
      division: s.division,
      subDivision: s.subDivision,
      name: s.name,
      planned: s.planned,
      opened: s.opened,
      accepted: s.accepted,
      missing: s.places
        .filter((p) => p.state === "missing")
        .map((p) => ({ id: p.id, placeLabel: p.placeLabel, href: p.href })),
    })),
  };
}
