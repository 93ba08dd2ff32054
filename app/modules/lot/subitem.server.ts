import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import { recordEvent } from "~/modules/audit/record.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { assertLotStateUnchanged, requireRecordableLot } from "./lots.server";
import { RECORD_DIVISIONS } from "./record-division";

/** Names the 分项工程 of a lot whose work type spans several (printed on the 附录E record). */
export async function setLotSubItem(
  db: Db,
  viewer: Actor & { id: string },
  scope: Scope,
  lotId: string,
  subItem: string,
) {
  const detail = await requireRecordableLot(db, viewer, scope, lotId);
  const choices = RECORD_DIVISIONS[detail.lot.workType.code]?.subItems.map((s) => s.name) ?? [];
  if (!choices.includes(subItem))
    throw new DomainError("lot:errors.subItemRequired", { status: 400, field: "subItem" });
  await db.$transaction(async (tx) => {
    await assertLotStateUnchanged(tx, lotId, detail.lot.status, "subItem");
    await tx.inspectionLot.update({ where: { id: lotId }, data: { subItem } });
    await recordEvent(tx, {
      actorId: viewer.id,
      action: "lot.subitem.set",
      entityType: "InspectionLot",
      entityId: lotId,
      data: { subItem },
    });
  });
}
