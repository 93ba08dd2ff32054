/**
 * 隐蔽工程验收 (GB 50300-2013 §3.0.6-5: 隐蔽工程在隐蔽前应由施工单位通知监理单位进行验收，并应形成
 * 验收文件，验收合格后方可继续施工). Which work types have a step that is covered, what covers it,
 * and which records a compound's approved plan requires. Pure: the caller loads the rows.
 * Names are the Chinese standard names of plan/sub-items.ts (language of record).
 */
import zh from "~/locales/zh-CN/concealed";
import { nameZh } from "~/modules/lot/record-division";

export type ConcealedStep = {
  /** the work type whose step is concealed */
  workTypeCode: string;
  /** the plan's 分部 and 分项 it belongs to (names of plan/sub-items.ts) */
  division: string;
  subItem: string;
  /** what is covered (Chinese data) */
  work: string;
  /** the governing clause */
  clause: string;
  /**
   * Work types whose lot at the same place covers it: they may not be submitted before the record
   * is signed (besides the work type's own lot).
   */
  coveredBy: string[];
};

/**
 * The data table. Road courses are not listed: CJJ 1-2008 accepts 路基 and 基层 as their own
 * 分部/检验批 before the next course, which is the lot record, not a separate 隐蔽 record.
 */
export const CONCEALED_STEPS: ConcealedStep[] = [
  {
    // GB 50303-2015 §12 导管敷设: conduits and boxes chased into masonry are checked before
    // they are covered (the plastering of the stairwell walls); 检验批 per 单元.
    workTypeCode: "stairwell-wiring",
    division: nameZh("buildingElectrical"),
    subItem: nameZh("conduits"),
    work: zh.steps.conduits,
    clause: "GB 50303-2015 §12.1, §12.2; GB 50300-2013 §3.0.6-5",
    coveredBy: ["wall-finishing"],
  },
  {
    // GB 50268-2008 §4.6/§5 管道基础、铺设与接口 and GB 50242-2002 §10.2: the pipe bed, pipes and
    // joints are accepted before the trench is backfilled (closed-water test before backfill).
    workTypeCode: "rain-sewer-network",
    division: nameZh("plumbing"),
    subItem: nameZh("drainPipes"),
    work: zh.steps.pipes,
    clause: "GB 50268-2008 §4.6, §5; GB 50242-2002 §10.2; GB 50300-2013 §3.0.6-5",
    coveredBy: [],
  },
  {
    // GB 50141-2008 (满水试验 before backfill), GB 50204-2015 §5 钢筋隐蔽验收: base, rebar and
    // waterproofing of the tank are accepted before concreting/backfill.
    workTypeCode: "septic-tank",
    division: nameZh("plumbing"),
    subItem: nameZh("drainPits"),
    work: zh.steps.septic,
    clause: "GB 50141-2008; GB 50204-2015 §5.5; GB 50300-2013 §3.0.6-5",
    coveredBy: [],
  },
];

export const concealedStepOf = (workTypeCode: string) =>
  CONCEALED_STEPS.find((s) => s.workTypeCode === workTypeCode) ?? null;

export type PlannedPlace = {
  workTypeCode: string;
  placeKind: string;
  placeId: string;
  placeLabel: string;
};
export type RecordRow = PlannedPlace & {
  id: string;
  status: string;
  division: string;
  work: string;
  signedAt: Date | null;
};

export const placeKey = (p: { workTypeCode: string; placeKind: string; placeId: string }) =>
  `${p.workTypeCode}|${p.placeKind}|${p.placeId}`;

/**
 * Records an approved plan requires: one per planned place (once, whatever its 分项 count) whose
 * work type has a concealed step. No plan, or one not approved: none (§4.0.7: the plan decides
 * the places).
 */
export function requiredPlaces(
  plan: { approved: boolean; lots: PlannedPlace[] } | null,
): (PlannedPlace & { step: ConcealedStep })[] {
  if (!plan?.approved) return [];
  const seen = new Map<string, PlannedPlace & { step: ConcealedStep }>();
  for (const lot of plan.lots) {
    const step = concealedStepOf(lot.workTypeCode);
    if (!step || seen.has(placeKey(lot))) continue;
    seen.set(placeKey(lot), {
      workTypeCode: lot.workTypeCode,
      placeKind: lot.placeKind,
      placeId: lot.placeId,
      placeLabel: lot.placeLabel,
      step,
    });
  }
  return [...seen.values()];
}

/** Where a missing record is created, its place preselected. */
export function createHref(compoundId: string, p: PlannedPlace) {
  const q = new URLSearchParams({
    workType: p.workTypeCode,
    placeKind: p.placeKind,
    placeId: p.placeId,
  });
  return `/compounds/${compoundId}/concealed/new?${q.toString()}`;
}

export type Gap = PlannedPlace & {
  code: "concealedMissing" | "concealedUnsigned";
  division: string;
  work: string;
  place: string;
  href: string;
  recordId: string | null;
};

/** Required records not made or not signed (§3.0.6-5), in the plan's order. */
export function gapsOf(
  compoundId: string,
  required: (PlannedPlace & { step: ConcealedStep })[],
  records: RecordRow[],
): Gap[] {
  const gaps: Gap[] = [];
  for (const r of required) {
    const record = records.find((x) => placeKey(x) === placeKey(r));
    if (record?.status === "signed") continue;
    gaps.push({
      workTypeCode: r.workTypeCode,
      placeKind: r.placeKind,
      placeId: r.placeId,
      placeLabel: r.placeLabel,
      code: record ? "concealedUnsigned" : "concealedMissing",
      division: r.step.division,
      work: r.step.work,
      place: r.placeLabel,
      href: record ? `/concealed/${record.id}` : createHref(compoundId, r),
      recordId: record?.id ?? null,
    });
  }
  return gaps;
}

/**
 * The unsigned records that hold a lot back (§3.0.6-5 验收合格后方可继续施工): the lot's own work
 * type's record at its place, and the records its work covers there (plastering covers the
 * 单元's conduits). Only places the approved plan requires a record for.
 */
export function lotHolds(
  lot: { workTypeCode: string; placeKind: string; placeId: string | null },
  gaps: Gap[],
) {
  if (!lot.placeId) return [];
  return gaps.filter(
    (g) =>
      g.placeKind === lot.placeKind &&
      g.placeId === lot.placeId &&
      (g.workTypeCode === lot.workTypeCode ||
        (concealedStepOf(g.workTypeCode)?.coveredBy.includes(lot.workTypeCode) ?? false)),
  );
}

export type ConcealedStatus = "requested" | "refused" | "signed";

/** Who may do what to a record in a state: pure, for the page and the module. */
export function mayAct(status: string, action: "sign" | "refuse" | "request" | "photo"): boolean {
  if (status === "signed") return false; // signed = immutable
  if (action === "sign" || action === "refuse") return status === "requested";
  if (action === "request") return status === "refused";
  return true;
}
