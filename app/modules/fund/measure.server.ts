import type { Prisma } from "~/generated/prisma/client";
import { z } from "~/infra/zod";
import {
  type AcceptedMeasure,
  acceptedQuantity,
  COUNTING_STATES,
  type LotForMeasure,
  type PlaceRef,
} from "./rules";

type Tx = Prisma.TransactionClient;

const PlacesSchema = z.array(
  z.object({ kind: z.enum(["stairwell", "building", "zone"]), id: z.string().min(1) }),
);

export function parsePlaces(json: string): PlaceRef[] {
  const parsed = PlacesSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : [];
}

export const CONTRACT_SELECT = {
  id: true,
  name: true,
  compoundId: true,
  contractorOrgId: true,
  retentionBp: true,
  warrantyEndsOn: true,
  compound: { select: { code: true, name: true } },
  contractor: { select: { name: true, shortName: true } },
} as const;

export type MeasuredBillItem = {
  id: string;
  seq: number;
  code: string;
  name: string;
  unit: string;
  quantityMilli: number;
  unitPriceFen: bigint;
  workTypeId: string;
  workTypeName: string;
  places: PlaceRef[];
  accepted: AcceptedMeasure;
  /** certified on applications that count (certified, approved, paid), this one excepted */
  priorMilli: number;
  paidMilli: number;
};

/**
 * A contract's bill of quantities measured against its contractor's accepted lots in its
 * compound, with what earlier applications already certified and what was paid.
 */
export async function measureContract(tx: Tx, contractId: string, exceptApplicationId?: string) {
  const contract = await tx.contract.findUnique({
    where: { id: contractId },
    select: CONTRACT_SELECT,
  });
  if (!contract) return null;
  const [items, lots, lines] = await Promise.all([
    tx.billItem.findMany({
      where: { contractId },
      orderBy: { seq: "asc" },
      select: {
        id: true,
        seq: true,
        code: true,
        name: true,
        unit: true,
        quantityMilli: true,
        unitPriceFen: true,
        workTypeId: true,
        places: true,
        workType: { select: { nameZh: true } },
      },
    }),
    tx.inspectionLot.findMany({
      where: {
        compoundId: contract.compoundId,
        contractorOrgId: contract.contractorOrgId,
        status: "accepted",
      },
      select: {
        id: true,
        workTypeId: true,
        status: true,
        placeKind: true,
        stairwellId: true,
        buildingId: true,
        zoneId: true,
        capacity: true,
        capacityUnit: true,
        acceptedAt: true,
      },
    }),
    tx.paymentLine.findMany({
      where: {
        billItem: { contractId },
        certifiedMilli: { not: null },
        application: {
          status: { in: [...COUNTING_STATES] },
          ...(exceptApplicationId ? { id: { not: exceptApplicationId } } : {}),
        },
      },
      select: { billItemId: true, certifiedMilli: true, application: { select: { status: true } } },
    }),
  ]);
  const prior = new Map<string, number>();
  const paid = new Map<string, number>();
  for (const l of lines) {
    const q = l.certifiedMilli ?? 0;
    prior.set(l.billItemId, (prior.get(l.billItemId) ?? 0) + q);
    if (l.application.status === "paid") paid.set(l.billItemId, (paid.get(l.billItemId) ?? 0) + q);
  }
  const byWorkType = new Map<string, LotForMeasure[]>();
  for (const lot of lots) {
    const list = byWorkType.get(lot.workTypeId) ?? [];
    list.push(lot);
    byWorkType.set(lot.workTypeId, list);
  }
  const measured: MeasuredBillItem[] = items.map((i) => {
    const places = parsePlaces(i.places);
    const base = { ...i, places };
    return {
      id: i.id,
      seq: i.seq,
      code: i.code,
      name: i.name,
      unit: i.unit,
      quantityMilli: i.quantityMilli,
      unitPriceFen: i.unitPriceFen,
      workTypeId: i.workTypeId,
      workTypeName: i.workType.nameZh,
      places,
      accepted: acceptedQuantity(base, byWorkType.get(i.workTypeId) ?? []),
      priorMilli: prior.get(i.id) ?? 0,
      paidMilli: paid.get(i.id) ?? 0,
    };
  });
  const acceptedAt = new Map(lots.map((l) => [l.id, l.acceptedAt]));
  return { contract, items: measured, acceptedAt };
}

/** The content hash the supervisor signed when accepting each lot (its last lot.accept event). */
export async function signedLotHashes(tx: Tx, lotIds: readonly string[]) {
  const events = await tx.auditEvent.findMany({
    where: { entityType: "InspectionLot", action: "lot.accept", entityId: { in: [...lotIds] } },
    orderBy: { seq: "asc" },
    select: { entityId: true, payload: true },
  });
  const hashes = new Map<string, string>();
  for (const e of events) {
    const hash = (JSON.parse(e.payload) as { contentHash?: unknown }).contentHash;
    if (typeof hash === "string") hashes.set(e.entityId, hash);
  }
  return hashes;
}
