import type { Db } from "~/infra/db.server";
import { recordEvent } from "~/modules/audit/record.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { assertLotStateUnchanged, LotError, requireRecordableLot } from "./lots.server";
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
  if (!choices.includes(subItem)) throw new LotError("请选择本工程类别的分项工程");
  await db.$transaction(async (tx) => {
    await assertLotStateUnchanged(tx, lotId, detail.lot.status, "分项工程");
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
