import type { Db } from "~/infra/db.server";
import { queryRows } from "~/infra/sql.server";
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
  compoundId: string;
  number: string;
  status: string;
  recordsComplete: boolean;
  placeKind: string;
  stairwellId: string | null;
  buildingId: string | null;
  zoneId: string | null;
  workType: { code: string };
};

const placeIdOf = (l: {
  placeKind: string;
  stairwellId: string | null;
  buildingId: string | null;
  zoneId: string | null;
}) =>
  l.placeKind === "stairwell" ? l.stairwellId : l.placeKind === "zone" ? l.zoneId : l.buildingId;

function coverageLot(l: SelectedLot): CoverageLot {
  return {
    id: l.id,
    number: l.number,
    status: l.status,
    recordsComplete: l.recordsComplete,
    workTypeCode: l.workType.code,
    placeKind: l.placeKind,
    placeId: placeIdOf(l),
  };
}

type PlaceGroup = {
  compoundId: string;
  workTypeId: string;
  placeKind: string;
  stairwellId: string | null;
  buildingId: string | null;
  zoneId: string | null;
  acceptedNumber: string | null;
  firstNumber: string;
};

/**
 * The lots coverage reads, one per (compound, work type, place) that has any: the
 * earliest-numbered accepted lot there, else the earliest-numbered lot. planCoverage shows the
 * accepted one first, so this is what it would pick from all of them. Grouped in SQL over a
 * covering index (InspectionLot_coverage_idx): a compound of ten thousand lots reads a few
 * hundred small groups, then the chosen lots by number, instead of every lot.
 */
async function coverageLotsOf(db: Db, compoundIds: string[]): Promise<SelectedLot[]> {
  if (compoundIds.length === 0) return [];
  const groups = await queryRows<PlaceGroup>(
    db,
    `SELECT compoundId, workTypeId, placeKind, stairwellId, buildingId, zoneId,
       min(CASE WHEN status = 'accepted' THEN number END) AS acceptedNumber,
       min(number) AS firstNumber
     FROM InspectionLot WHERE compoundId IN (${compoundIds.map(() => "?").join(", ")})
     GROUP BY compoundId, workTypeId, placeKind, stairwellId, buildingId, zoneId`,
    compoundIds,
  );
  // The place is one of the three columns (placeKind says which): merge groups that differ in
  // the others, keeping the accepted lot first, then the lower number.
  const chosen = new Map<string, { number: string; accepted: boolean }>();
  for (const g of groups) {
    const placeId = placeIdOf(g);
    if (!placeId) continue;
    const key = `${g.compoundId}|${g.workTypeId}|${g.placeKind}|${placeId}`;
    const mine = { number: g.acceptedNumber ?? g.firstNumber, accepted: g.acceptedNumber !== null };
    const held = chosen.get(key);
    if (
      !held ||
      (mine.accepted && !held.accepted) ||
      (mine.accepted === held.accepted && mine.number < held.number)
    )
      chosen.set(key, mine);
  }
  const numbers = [...chosen.values()].map((c) => c.number);
  const lots: SelectedLot[] = [];
  for (let i = 0; i < numbers.length; i += NUMBERS_PER_READ)
    lots.push(
      ...(await db.inspectionLot.findMany({
        where: { number: { in: numbers.slice(i, i + NUMBERS_PER_READ) } },
        select: COVERAGE_LOT_SELECT,
      })),
    );
  return lots;
}
const NUMBERS_PER_READ = 500;

/** The compound's lots as coverage reads them (work type and place), one per place. */
export async function coverageLots(db: Db, compoundId: string): Promise<CoverageLot[]> {
  return (await coverageLotsOf(db, [compoundId])).map(coverageLot);
}

/**
 * Coverage of many compounds in a few queries (the dashboard): per compound with a plan, its
 * status, totals and per-分项 counts with the first `missingShown` missing places.
 */
export async function coverageByCompound(db: Db, compoundIds: string[], missingShown?: number) {
  const plans = await db.inspectionPlan.findMany({
    where: { compoundId: { in: compoundIds } },
    select: PLAN_SELECT,
  });
  if (plans.length === 0) return new Map<string, PlanSummary>();
  const lots = await coverageLotsOf(
    db,
    plans.map((p) => p.compoundId),
  );
  const result = new Map<string, PlanSummary>();
  for (const plan of plans) {
    const own = lots.filter((l) => l.compoundId === plan.compoundId).map(coverageLot);
    result.set(
      plan.compoundId,
      summarise(plan, planCoverage(plan.subItems, plan.lots, own), missingShown),
    );
  }
  return result;
}

export type PlanSummary = ReturnType<typeof summarise>;

/**
 * What the compound page and dashboard show: counts per 分项, how many places are missing and
 * the first `missingShown` of them (the plan page lists them all).
 */
export function summarise(
  plan: { status: string },
  coverage: ReturnType<typeof planCoverage>,
  missingShown = Number.POSITIVE_INFINITY,
) {
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
      missingCount: s.planned - s.opened,
      missing: s.places
        .filter((p) => p.state === "missing")
        .slice(0, missingShown)
        .map((p) => ({ id: p.id, placeLabel: p.placeLabel, href: p.href })),
    })),
  };
}
