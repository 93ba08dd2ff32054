import { randomUUID } from "node:crypto";
import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import { recordEvent } from "~/modules/audit/record.server";
import { notify } from "~/modules/defect/inbox.server";
import { formatDate } from "~/modules/i18n/dates";
import type { PhotoUpload } from "~/modules/photo/photos.server";
import type { PhotoStorage } from "~/modules/photo/storage.server";
import { storeResidentPhoto } from "./photos.server";
import { record } from "./record.server";
import { routeWarranty } from "./warranty";
import type { Viewer } from "./warranty.server";

/** The passed acceptance a compound's management starts from, or null while still in works. */
export async function passedAcceptance(db: Db, compoundId: string) {
  return db.finalAcceptance.findFirst({
    where: { compoundId, status: "passed" },
    select: { closedAt: true, openedAt: true },
    orderBy: { closedAt: "desc" },
  });
}

/** What the report form offers: buildings and work types (with their periods). */
export async function warrantyFormOptions(db: Db, compoundId: string) {
  const [buildings, workTypes] = await Promise.all([
    db.building.findMany({
      where: { compoundId },
      select: { id: true, name: true },
      orderBy: { seq: "asc" },
    }),
    db.workType.findMany({
      select: { code: true, nameZh: true, nameEn: true },
      orderBy: { seq: "asc" },
    }),
  ]);
  return { buildings, workTypes };
}

export type ReportInput = {
  compoundId: string;
  buildingId: string | null;
  placeLabel: string;
  workTypeCode: string | null;
  title: string;
  description: string;
};

/**
 * A 楼栋长's (or 物业's) report after acceptance, with its photo: finds the work type's
 * contractor in the compound (the lot's, in the same building when there is one), decides the
 * route from the warranty period, stores the photo, then the row, its event and the
 * contractor's inbox line together.
 */
export async function reportWarranty(
  db: Db,
  storage: PhotoStorage,
  viewer: Viewer,
  input: ReportInput,
  photo: PhotoUpload,
  now = new Date(),
) {
  const compound = await db.compound.findUniqueOrThrow({
    where: { id: input.compoundId },
    select: {
      id: true,
      code: true,
      name: true,
      project: { select: { name: true } },
      contracts: { select: { contractorOrgId: true } },
    },
  });
  const accepted = await passedAcceptance(db, compound.id);
  if (!accepted?.closedAt)
    throw new DomainError("residents:errors.compoundNotAccepted", { status: 409 });
  const workType = input.workTypeCode
    ? await db.workType.findUnique({
        where: { code: input.workTypeCode },
        select: { id: true, code: true, nameZh: true },
      })
    : null;
  if (input.workTypeCode && !workType)
    throw new DomainError("residents:errors.noWorkType", { status: 400, field: "workTypeCode" });
  const building = input.buildingId
    ? await db.building.findFirst({
        where: { id: input.buildingId, compoundId: compound.id },
        select: { id: true, name: true },
      })
    : null;
  if (input.buildingId && !building)
    throw new DomainError("residents:errors.chooseOwnBuilding", {
      status: 400,
      field: "buildingId",
    });
  let contractorOrgId: string | null = null;
  if (workType) {
    const lots = await db.inspectionLot.findMany({
      where: { compoundId: compound.id, workTypeId: workType.id, status: "accepted" },
      select: {
        contractorOrgId: true,
        buildingId: true,
        stairwell: { select: { buildingId: true } },
      },
    });
    const inBuilding = lots.find(
      (l) => building && (l.buildingId === building.id || l.stairwell?.buildingId === building.id),
    );
    contractorOrgId = (inBuilding ?? lots[0])?.contractorOrgId ?? null;
  }
  if (!contractorOrgId && workType && compound.contracts.length === 1)
    contractorOrgId = compound.contracts[0]?.contractorOrgId ?? null;
  const routing = routeWarranty({
    workTypeCode: workType?.code ?? null,
    acceptedAt: accepted.closedAt,
    contractorKnown: contractorOrgId !== null,
    now,
  });
  const placeLabel = `${building?.name ?? ""}${input.placeLabel}`.trim() || compound.name;
  const id = randomUUID();
  await storeResidentPhoto(
    db,
    storage,
    viewer,
    { kind: "warranty", id, role: "before" },
    {
      project: compound.project.name,
      compound: compound.name,
      place: placeLabel,
      workType: workType?.nameZh ?? record("residents:record.warrantyWorkType"),
      item: record("residents:record.warrantyItem"),
    },
    photo,
    now,
  );
  return db.$transaction(async (tx) => {
    const count = await tx.warrantyDefect.count({ where: { compoundId: compound.id } });
    const number = `${compound.code}-BX-${String(count + 1).padStart(3, "0")}`;
    const data = {
      id,
      number,
      compoundId: compound.id,
      buildingId: building?.id ?? null,
      placeLabel,
      workTypeId: workType?.id ?? null,
      contractorOrgId: routing.route === "contractor" ? contractorOrgId : null,
      route: routing.route,
      warrantyEndsOn: routing.endsOn,
      title: input.title,
      description: input.description,
      reportedById: viewer.id,
      createdAt: now,
    };
    await tx.warrantyDefect.create({ data, select: { id: true } });
    await recordEvent(
      tx,
      {
        actorId: viewer.id,
        action: "warranty.report",
        entityType: "WarrantyDefect",
        entityId: id,
        data: {
          ...data,
          createdAt: undefined,
          warrantyEndsOn: routing.endsOn?.toISOString() ?? null,
          reason: routing.reason,
          to: "open",
        },
      },
      now,
    );
    if (routing.route === "contractor" && contractorOrgId)
      await notify(
        tx,
        { contractorOrgId },
        {
          kind: "defect.assigned",
          link: `/warranty/${id}`,
          text: record("residents:record.warrantyAssigned", {
            number,
            title: input.title,
            place: placeLabel,
            date: formatDate(routing.endsOn),
          }),
        },
      );
    return { id, number, routing };
  });
}
