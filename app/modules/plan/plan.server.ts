import type { Db } from "~/infra/db.server";
import { isUniqueViolation } from "~/infra/db-errors";
import { DomainError } from "~/infra/domain-error";
import type { MessageKey } from "~/locales/resources";
import { recordEvent } from "~/modules/audit/record.server";
import { type Role, scopeFor } from "~/modules/auth/permissions";
import { parseStringList } from "~/modules/checklist/queries.server";
import { coverageLots, PLAN_SELECT, summarise } from "./coverage.server";
import {
  generatePlan,
  isChiefSupervisor,
  type PlanWorkType,
  placesFor,
  planCoverage,
  type Register,
  subItemKey,
} from "./plan";
import { SUB_ITEMS_BY_WORK_TYPE } from "./sub-items";

export { coverageByCompound, type PlanSummary, summarise } from "./coverage.server";

export type Viewer = { id: string; role: Role; title: string; organizationId: string };

type PlanCode = Extract<MessageKey, `plan:errors.${string}`>;
export const refuse = (code: PlanCode, status = 400) => new DomainError(code, { status });

export async function registerOf(db: Db, compoundId: string): Promise<Register | null> {
  const compound = await db.compound.findUnique({
    where: { id: compoundId },
    select: {
      buildings: {
        orderBy: { seq: "asc" },
        select: {
          id: true,
          name: true,
          stairwells: { orderBy: { seq: "asc" }, select: { id: true, name: true, floors: true } },
        },
      },
      zones: {
        orderBy: { seq: "asc" },
        select: { id: true, name: true, kind: true, surface: true },
      },
    },
  });
  return compound;
}

export async function planWorkTypes(db: Db): Promise<PlanWorkType[]> {
  const rows = await db.workType.findMany({
    select: { code: true, placeKind: true, zoneKinds: true },
    orderBy: { seq: "asc" },
  });
  return rows.map((w) => ({ ...w, zoneKinds: parseStringList(w.zoneKinds) }));
}

export async function getPlan(db: Db, compoundId: string) {
  return db.inspectionPlan.findUnique({ where: { compoundId }, select: PLAN_SELECT });
}
export type PlanDetail = NonNullable<Awaited<ReturnType<typeof getPlan>>>;

/**
 * The plan with its coverage, or null when the compound has none yet. Its summary lists the
 * first `missingShown` missing places of each 分项 (all by default).
 */
export async function planOverview(db: Db, compoundId: string, missingShown?: number) {
  const plan = await getPlan(db, compoundId);
  if (!plan) return null;
  const coverage = planCoverage(plan.subItems, plan.lots, await coverageLots(db, compoundId));
  const summary = summarise(plan, coverage, missingShown);
  return { plan, coverage, summary, totals: summary.totals };
}
export type PlanOverview = NonNullable<Awaited<ReturnType<typeof planOverview>>>;

/** Register places a 分项 could still be planned at (the 总监 adds them back or adds new ones). */
export async function addablePlaces(db: Db, plan: PlanDetail) {
  const register = await registerOf(db, plan.compoundId);
  if (!register) return new Map<string, never[]>();
  const workTypes = await planWorkTypes(db);
  const result = new Map<
    string,
    { value: string; label: string; workTypeCode: string; placeKind: string; placeId: string }[]
  >();
  for (const s of plan.subItems) {
    const key = subItemKey(s);
    const options = workTypes
      .filter(
        (wt) =>
          wt.code === s.workTypeCode ||
          (SUB_ITEMS_BY_WORK_TYPE[wt.code] ?? []).some((x) => subItemKey(x) === key),
      )
      .flatMap((wt) => placesFor(wt, register).map((p) => ({ ...p, workTypeCode: wt.code })))
      .filter(
        (p) =>
          !plan.lots.some(
            (l) =>
              l.subItemId === s.id &&
              l.workTypeCode === p.workTypeCode &&
              l.placeKind === p.placeKind &&
              l.placeId === p.placeId,
          ),
      )
      .map((p) => ({
        value: `${p.workTypeCode}|${p.placeKind}|${p.placeId}`,
        label: p.placeLabel,
        workTypeCode: p.workTypeCode,
        placeKind: p.placeKind,
        placeId: p.placeId,
      }));
    result.set(s.id, options);
  }
  return result;
}

export function requireManager(viewer: Viewer) {
  if (scopeFor(viewer.role, "plan.manage") === null) throw refuse("plan:errors.managerOnly", 403);
}

/** After 竣工验收 the plan is part of the closed record: no change, no approval. */
export async function assertNotSealed(db: Db, compoundId: string) {
  const passed = await db.finalAcceptance.count({ where: { compoundId, status: "passed" } });
  if (passed > 0) throw refuse("plan:errors.sealed", 409);
}

/** A double submit racing itself: the unique index answers, as a 409 rather than a 500. */
export function alreadyDone(code: PlanCode) {
  return (error: unknown): never => {
    if (isUniqueViolation(error)) throw refuse(code, 409);
    throw error;
  };
}

/** Drafts the plan from the site register and the work types' 分项 (GB 50300 §4.0.7). */
export async function generateCompoundPlan(db: Db, viewer: Viewer, compoundId: string) {
  requireManager(viewer);
  await assertNotSealed(db, compoundId);
  const register = await registerOf(db, compoundId);
  if (!register) throw refuse("plan:errors.compoundNotFound", 404);
  const draft = generatePlan(register, await planWorkTypes(db));
  if (draft.lots.length === 0) throw refuse("plan:errors.emptyRegister");
  return db
    .$transaction(async (tx) => {
      const exists = await tx.inspectionPlan.count({ where: { compoundId } });
      if (exists > 0) throw refuse("plan:errors.exists", 409);
      const plan = await tx.inspectionPlan.create({
        data: { compoundId, createdById: viewer.id },
        select: { id: true },
      });
      const ids = new Map<string, string>();
      for (const s of draft.subItems) {
        const { key, ...data } = s;
        const row = await tx.planSubItem.create({
          data: { ...data, planId: plan.id },
          select: { id: true },
        });
        ids.set(key, row.id);
      }
      await tx.plannedLot.createMany({
        data: draft.lots.map(({ subItemKey: key, ...l }, i) => ({
          ...l,
          seq: i + 1,
          planId: plan.id,
          subItemId: ids.get(key) ?? "",
        })),
      });
      await recordEvent(tx, {
        actorId: viewer.id,
        action: "plan.generate",
        entityType: "InspectionPlan",
        entityId: plan.id,
        data: { compoundId, subItems: draft.subItems.length, lots: draft.lots.length, to: "draft" },
      });
      return plan;
    })
    .catch(alreadyDone("plan:errors.exists"));
}

export async function planForChange(db: Db, compoundId: string) {
  const plan = await getPlan(db, compoundId);
  if (!plan) throw refuse("plan:errors.noPlan", 404);
  return plan;
}

/** An adjustment of an approved plan returns it to draft: the 总监 approves it again. */
export async function backToDraft(
  tx: Parameters<Parameters<Db["$transaction"]>[0]>[0],
  planId: string,
) {
  await tx.inspectionPlan.update({
    where: { id: planId },
    data: { status: "draft", approvedAt: null, approvedById: null },
  });
}

export async function removePlannedLot(
  db: Db,
  viewer: Viewer,
  compoundId: string,
  plannedLotId: string,
  reason: string,
) {
  requireManager(viewer);
  await assertNotSealed(db, compoundId);
  const plan = await planForChange(db, compoundId);
  const lot = plan.lots.find((l) => l.id === plannedLotId);
  if (!lot) throw refuse("plan:errors.plannedLotNotFound", 404);
  if (!reason.trim()) throw refuse("plan:errors.reasonRequired");
  await db.$transaction(async (tx) => {
    await tx.plannedLot.delete({ where: { id: lot.id } });
    await backToDraft(tx, plan.id);
    await recordEvent(tx, {
      actorId: viewer.id,
      action: "plan.lot.remove",
      entityType: "InspectionPlan",
      entityId: plan.id,
      data: { ...lot, reason: reason.trim(), from: plan.status, to: "draft" },
    });
  });
}

export async function addPlannedLot(
  db: Db,
  viewer: Viewer,
  compoundId: string,
  input: { subItemId: string; place: string },
) {
  requireManager(viewer);
  await assertNotSealed(db, compoundId);
  const plan = await planForChange(db, compoundId);
  const options = (await addablePlaces(db, plan)).get(input.subItemId);
  if (!options) throw refuse("plan:errors.subItemNotFound", 404);
  const place = options.find((o) => o.value === input.place);
  if (!place) throw refuse("plan:errors.placeNotAddable");
  const workTypes = await planWorkTypes(db);
  const register = await registerOf(db, compoundId);
  const wt = workTypes.find((w) => w.code === place.workTypeCode);
  const full =
    wt && register ? placesFor(wt, register).find((p) => p.placeId === place.placeId) : null;
  if (!full) throw refuse("plan:errors.placeNotInCompound");
  await db
    .$transaction(async (tx) => {
      const row = await tx.plannedLot.create({
        data: {
          planId: plan.id,
          subItemId: input.subItemId,
          seq: Math.max(0, ...plan.lots.map((l) => l.seq)) + 1,
          workTypeCode: place.workTypeCode,
          placeKind: place.placeKind,
          placeId: place.placeId,
          placeLabel: full.placeLabel,
          capacity: full.capacity,
          capacityUnit: full.unit,
        },
        select: { id: true },
      });
      await backToDraft(tx, plan.id);
      await recordEvent(tx, {
        actorId: viewer.id,
        action: "plan.lot.add",
        entityType: "InspectionPlan",
        entityId: plan.id,
        data: {
          plannedLotId: row.id,
          subItemId: input.subItemId,
          workTypeCode: place.workTypeCode,
          placeKind: place.placeKind,
          placeId: place.placeId,
          from: plan.status,
          to: "draft",
        },
      });
    })
    .catch(alreadyDone("plan:errors.placeAlreadyPlanned"));
}

/** The 总监理工程师 approves the plan; coverage is then measured against it. */
export async function approvePlan(db: Db, viewer: Viewer, compoundId: string, now = new Date()) {
  if (!isChiefSupervisor(viewer)) throw refuse("plan:errors.chiefOnly", 403);
  await assertNotSealed(db, compoundId);
  const plan = await planForChange(db, compoundId);
  if (plan.status === "approved") throw refuse("plan:errors.alreadyApproved", 409);
  if (plan.lots.length === 0) throw refuse("plan:errors.emptyPlan");
  await db.$transaction(async (tx) => {
    const { count } = await tx.inspectionPlan.updateMany({
      where: { id: plan.id, status: "draft" },
      data: { status: "approved", approvedAt: now, approvedById: viewer.id },
    });
    if (count !== 1) throw refuse("plan:errors.changedByOther", 409);
    await recordEvent(
      tx,
      {
        actorId: viewer.id,
        action: "plan.approve",
        entityType: "InspectionPlan",
        entityId: plan.id,
        data: {
          compoundId,
          from: "draft",
          to: "approved",
          lots: plan.lots.map((l) => l.id).sort(),
        },
      },
      now,
    );
  });
}
