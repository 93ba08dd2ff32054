/**
 * The supervisor edits the 分部 → 子分部 → 分项 tree the plan was generated with (GB 50300-2013
 * §4.0.3, §4.0.4: 分项 by trade, material, method or equipment; §4.0.7: the division plan is the
 * supervisor's to approve): a 分项 the table lacks is added with the work type whose lots record
 * it, planned at every place of that work type; a 分项 the work does not have is removed with a
 * reason. Either change returns an approved plan to draft.
 */
import type { Db } from "~/infra/db.server";
import { recordEvent } from "~/modules/audit/record.server";
import { placesFor } from "./plan";
import {
  alreadyDone,
  assertNotSealed,
  backToDraft,
  planForChange,
  planWorkTypes,
  refuse,
  registerOf,
  requireManager,
  type Viewer,
} from "./plan.server";

export type NewSubItem = {
  division: string;
  subDivision: string;
  name: string;
  standard: string;
  workTypeCode: string;
};

export async function addSubItem(db: Db, viewer: Viewer, compoundId: string, input: NewSubItem) {
  requireManager(viewer);
  await assertNotSealed(db, compoundId);
  const plan = await planForChange(db, compoundId);
  const wt = (await planWorkTypes(db)).find((w) => w.code === input.workTypeCode);
  if (!wt) throw refuse("plan:errors.workTypeUnknown");
  const register = await registerOf(db, compoundId);
  const places = register ? placesFor(wt, register) : [];
  if (places.length === 0) throw refuse("plan:errors.noPlaceForWorkType");
  const seq = Math.max(0, ...plan.subItems.map((s) => s.seq)) + 1;
  const lotSeq = Math.max(0, ...plan.lots.map((l) => l.seq));
  return db
    .$transaction(async (tx) => {
      const row = await tx.planSubItem.create({
        data: { ...input, planId: plan.id, seq },
        select: { id: true },
      });
      await tx.plannedLot.createMany({
        data: places.map((p, i) => ({
          planId: plan.id,
          subItemId: row.id,
          seq: lotSeq + i + 1,
          workTypeCode: wt.code,
          placeKind: p.placeKind,
          placeId: p.placeId,
          placeLabel: p.placeLabel,
          capacity: p.capacity,
          capacityUnit: p.unit,
        })),
      });
      await backToDraft(tx, plan.id);
      await recordEvent(tx, {
        actorId: viewer.id,
        action: "plan.subitem.add",
        entityType: "InspectionPlan",
        entityId: plan.id,
        data: { subItemId: row.id, ...input, lots: places.length, from: plan.status, to: "draft" },
      });
      return row;
    })
    .catch(alreadyDone("plan:errors.subItemExists"));
}

export async function removeSubItem(
  db: Db,
  viewer: Viewer,
  compoundId: string,
  subItemId: string,
  reason: string,
) {
  requireManager(viewer);
  await assertNotSealed(db, compoundId);
  const plan = await planForChange(db, compoundId);
  const subItem = plan.subItems.find((s) => s.id === subItemId);
  if (!subItem) throw refuse("plan:errors.subItemNotFound", 404);
  if (!reason.trim()) throw refuse("plan:errors.reasonRequired");
  if (plan.subItems.length === 1) throw refuse("plan:errors.lastSubItem");
  const lots = plan.lots.filter((l) => l.subItemId === subItem.id);
  await db.$transaction(async (tx) => {
    // planned lots go with it (cascade); the event keeps what they were
    await tx.planSubItem.delete({ where: { id: subItem.id } });
    await backToDraft(tx, plan.id);
    await recordEvent(tx, {
      actorId: viewer.id,
      action: "plan.subitem.remove",
      entityType: "InspectionPlan",
      entityId: plan.id,
      data: {
        ...subItem,
        lots: lots.map((l) => ({ workTypeCode: l.workTypeCode, placeLabel: l.placeLabel })),
        reason: reason.trim(),
        from: plan.status,
        to: "draft",
      },
    });
  });
}
