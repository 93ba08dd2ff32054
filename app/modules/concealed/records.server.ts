/**
 * 隐蔽工程验收记录: reads (the required places of the approved plan, the records, what holds a
 * lot back) and the access rule. Changes are in workflow.server.ts.
 */
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { gapsOf, lotHolds, type PlannedPlace, type RecordRow, requiredPlaces } from "./rules";

export const concealedAttachKey = (id: string) => `concealed:${id}`;

/** Records a viewer may see: a contractor its own organisation's only (in `where`). */
export function concealedWhere(
  viewer: { organizationId: string },
  scope: Scope | null,
): Prisma.ConcealedWorkWhereInput {
  if (scope === null) return { id: { in: [] } };
  if (scope === "any") return {};
  return { contractorOrgId: viewer.organizationId };
}

export const RECORD_ROW_SELECT = {
  id: true,
  workTypeCode: true,
  placeKind: true,
  placeId: true,
  placeLabel: true,
  status: true,
  division: true,
  subItem: true,
  work: true,
  signedAt: true,
  contractorOrgId: true,
} as const;

/** The approved plan's places with a concealed step (none without an approved plan). */
export async function requiredOf(db: Db | Prisma.TransactionClient, compoundId: string) {
  const plan = await db.inspectionPlan.findUnique({
    where: { compoundId },
    select: {
      status: true,
      lots: {
        orderBy: { seq: "asc" },
        select: { workTypeCode: true, placeKind: true, placeId: true, placeLabel: true },
      },
    },
  });
  return requiredPlaces(plan && { approved: plan.status === "approved", lots: plan.lots });
}

export async function recordRows(
  db: Db | Prisma.TransactionClient,
  compoundId: string,
  where: Prisma.ConcealedWorkWhereInput = {},
): Promise<(RecordRow & { subItem: string; contractorOrgId: string })[]> {
  return db.concealedWork.findMany({
    where: { AND: [{ compoundId }, where] },
    select: RECORD_ROW_SELECT,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** Missing or unsigned required records of a compound. */
export async function gapsFor(db: Db | Prisma.TransactionClient, compoundId: string) {
  const [required, records] = await Promise.all([
    requiredOf(db, compoundId),
    recordRows(db, compoundId),
  ]);
  return gapsOf(compoundId, required, records);
}

type LotPlace = {
  compoundId: string;
  workTypeCode: string;
  placeKind: string;
  placeId: string | null;
};

/** A lot's work type and place, as the concealed-work rule reads them (the lot module's row). */
export const lotPlaceOf = (lot: {
  compound: { id: string };
  workType: { code: string };
  placeKind: string;
  stairwellId: string | null;
  buildingId: string | null;
  zoneId: string | null;
}): LotPlace => ({
  compoundId: lot.compound.id,
  workTypeCode: lot.workType.code,
  placeKind: lot.placeKind,
  placeId:
    lot.placeKind === "stairwell"
      ? lot.stairwellId
      : lot.placeKind === "zone"
        ? lot.zoneId
        : lot.buildingId,
});

/** The records not yet signed that hold this lot back (§3.0.6-5). */
export async function holdsOnLot(db: Db | Prisma.TransactionClient, lot: LotPlace) {
  if (!lot.placeId) return [];
  return lotHolds(lot, await gapsFor(db, lot.compoundId));
}

/**
 * The refusal a lot's submit (or accept) meets while a hidden-work record it depends on is not
 * signed: names the record's work and place and links to it (or to where it is made).
 */
export async function concealedLotRefusal(db: Db | Prisma.TransactionClient, lot: LotPlace) {
  const holds = await holdsOnLot(db, lot);
  const first = holds[0];
  if (!first) return null;
  return new DomainError(
    first.code === "concealedMissing"
      ? "concealed:errors.lotMissing"
      : "concealed:errors.lotUnsigned",
    {
      status: 409,
      params: { work: first.work, place: first.place, href: first.href },
    },
  );
}

/** One record, if the viewer may see it; null otherwise (a guessed id finds nothing). */
export async function findRecord(db: Db, viewer: Actor, scope: Scope | null, id: string) {
  return db.concealedWork.findFirst({
    where: { AND: [{ id }, concealedWhere(viewer, scope)] },
    select: {
      ...RECORD_ROW_SELECT,
      compoundId: true,
      content: true,
      createdAt: true,
      createdById: true,
      requestedAt: true,
      requests: true,
      refusedReason: true,
      refusedAt: true,
      refusedById: true,
      signedById: true,
      opinion: true,
      signatureSha256: true,
      contentHash: true,
    },
  });
}
export type ConcealedRecord = NonNullable<Awaited<ReturnType<typeof findRecord>>>;

/** Photos of a record, oldest first. */
export async function recordPhotos(db: Db | Prisma.TransactionClient, id: string) {
  return db.photo.findMany({
    where: { attachKey: concealedAttachKey(id) },
    select: {
      id: true,
      sha256: true,
      width: true,
      height: true,
      capturedAt: true,
      uploadedAt: true,
      originalName: true,
    },
    orderBy: [{ uploadedAt: "asc" }, { id: "asc" }],
  });
}

export type { PlannedPlace };

/** A record's photo with its files' names, if the viewer may see the record. */
export async function concealedPhoto(db: Db, viewer: Actor, scope: Scope | null, photoId: string) {
  const photo = await db.photo.findUnique({
    where: { id: photoId },
    select: {
      attachKey: true,
      sha256: true,
      displaySha256: true,
      displayFormat: true,
      thumbSha256: true,
      format: true,
    },
  });
  const id = photo?.attachKey.match(/^concealed:(.+)$/)?.[1];
  if (!photo || !id) return null;
  const visible = await db.concealedWork.count({
    where: { AND: [{ id }, concealedWhere(viewer, scope)] },
  });
  return visible ? photo : null;
}
