import { z } from "zod";
import type { Db } from "~/infra/db.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { lotWhere } from "./access.server";
import { isLotState, LOT_STATE_LABELS_ZH, LOT_STATES } from "./workflow";

export const LotFilterSchema = z.object({
  compoundId: z.string().min(1).optional().catch(undefined),
  workType: z.string().min(1).optional().catch(undefined),
  status: z.enum(LOT_STATES).optional().catch(undefined),
  contractorOrgId: z.string().min(1).optional().catch(undefined),
});
export type LotFilter = z.infer<typeof LotFilterSchema>;

/** The lot list as its page and Excel export show it, with the same filters. */
export async function lotRegister(db: Db, viewer: Actor, scope: Scope, filter: LotFilter) {
  const rows = await db.inspectionLot.findMany({
    where: {
      AND: [
        lotWhere(viewer, scope),
        filter.compoundId ? { compoundId: filter.compoundId } : {},
        filter.workType ? { workType: { code: filter.workType } } : {},
        filter.status ? { status: filter.status } : {},
        filter.contractorOrgId ? { contractorOrgId: filter.contractorOrgId } : {},
      ],
    },
    select: {
      id: true,
      number: true,
      status: true,
      placeLabel: true,
      capacity: true,
      capacityUnit: true,
      recordsComplete: true,
      submittedAt: true,
      acceptedAt: true,
      compound: { select: { name: true } },
      workType: { select: { nameZh: true, division: true } },
      contractor: { select: { shortName: true } },
      acceptedBy: { select: { displayName: true } },
      _count: { select: { defects: true } },
    },
    orderBy: [{ compound: { code: "asc" } }, { number: "asc" }],
  });
  return rows.map((l) => ({
    id: l.id,
    number: l.number,
    compound: l.compound.name,
    workType: l.workType.nameZh,
    division: l.workType.division,
    placeLabel: l.placeLabel,
    capacity: l.capacity ? `${l.capacity} ${l.capacityUnit ?? ""}`.trim() : "",
    contractor: l.contractor.shortName,
    status: l.status,
    statusZh: isLotState(l.status) ? LOT_STATE_LABELS_ZH[l.status] : l.status,
    recordsComplete: l.recordsComplete,
    submittedAt: l.submittedAt,
    acceptedAt: l.acceptedAt,
    acceptedBy: l.acceptedBy?.displayName ?? null,
    defects: l._count.defects,
  }));
}
export type LotRegisterRow = Awaited<ReturnType<typeof lotRegister>>[number];
