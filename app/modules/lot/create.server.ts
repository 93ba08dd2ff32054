import type { Db } from "~/infra/db.server";
import { compoundSealedMessage } from "~/modules/acceptance/acceptance.server";
import { recordEvent } from "~/modules/audit/record.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { parseStringList } from "~/modules/checklist/queries.server";
import { compoundWhere } from "~/modules/site/access.server";
import { LotError } from "./lots.server";

export type PlaceRef = { kind: "stairwell" | "building" | "zone"; id: string };

export type CreateLotInput = {
  workTypeCode: string;
  place: PlaceRef;
  contractorOrgId?: string | null;
  capacity?: number | null;
  capacityUnit?: string | null;
  plannedStart?: Date | null;
  plannedEnd?: Date | null;
};

type Place = { compoundId: string; compoundCode: string; label: string; zoneKind?: string };

/** The place, only if the viewer may see its compound. */
export async function resolvePlace(
  db: Db,
  place: PlaceRef,
  viewer: Actor,
  scope: Scope,
): Promise<Place | null> {
  const compound = { select: { id: true, code: true, name: true } } as const;
  if (place.kind === "stairwell") {
    const s = await db.stairwell.findFirst({
      where: { id: place.id, building: { compound: compoundWhere(viewer, scope) } },
      select: { name: true, building: { select: { name: true, compound } } },
    });
    return (
      s && {
        compoundId: s.building.compound.id,
        compoundCode: s.building.compound.code,
        label: `${s.building.name}${s.name}`,
      }
    );
  }
  if (place.kind === "building") {
    const b = await db.building.findFirst({
      where: { id: place.id, compound: compoundWhere(viewer, scope) },
      select: { name: true, compound },
    });
    return b && { compoundId: b.compound.id, compoundCode: b.compound.code, label: b.name };
  }
  const z = await db.zone.findFirst({
    where: { id: place.id, compound: compoundWhere(viewer, scope) },
    select: { name: true, kind: true, compound },
  });
  return (
    z && {
      compoundId: z.compound.id,
      compoundCode: z.compound.code,
      label: z.name,
      zoneKind: z.kind,
    }
  );
}

/** Opens an inspection lot on the work type's current checklist version, which it keeps forever. */
export async function createLot(
  db: Db,
  viewer: Actor & { id: string },
  scope: Scope,
  input: CreateLotInput,
) {
  const workType = await db.workType.findUnique({
    where: { code: input.workTypeCode },
    select: {
      id: true,
      nameZh: true,
      placeKind: true,
      zoneKinds: true,
      templates: {
        orderBy: { version: "desc" },
        take: 1,
        select: {
          id: true,
          version: true,
          items: { take: 1, orderBy: { seq: "asc" }, select: { code: true } },
        },
      },
    },
  });
  const template = workType?.templates[0];
  if (!workType || !template) throw new LotError("工程类别不存在", 404);

  const place = await resolvePlace(db, input.place, viewer, scope);
  if (!place) throw new LotError("检查部位不存在或您无权查看", 404);
  const sealed = await compoundSealedMessage(db, place.compoundId);
  if (sealed) throw new LotError(sealed, 409);
  const zoneKinds = parseStringList(workType.zoneKinds);
  if (
    workType.placeKind !== input.place.kind ||
    (place.zoneKind && !zoneKinds.includes(place.zoneKind))
  ) {
    throw new LotError(`“${workType.nameZh}”不在此类部位验收`);
  }

  const contracts = await db.contract.findMany({
    where: { compoundId: place.compoundId },
    select: { contractorOrgId: true },
  });
  const contractorOrgId =
    viewer.role === "contractor"
      ? viewer.organizationId
      : (input.contractorOrgId ??
        (contracts.length === 1 ? contracts[0]?.contractorOrgId : undefined));
  if (!contractorOrgId || !contracts.some((c) => c.contractorOrgId === contractorOrgId)) {
    throw new LotError("请选择在本小区有标段的施工单位");
  }
  if (input.plannedStart && input.plannedEnd && input.plannedEnd < input.plannedStart) {
    throw new LotError("计划完成日期不能早于开始日期");
  }

  const prefix = template.items[0]?.code.split("-")[0] ?? "XX";
  return db.$transaction(async (tx) => {
    const count = await tx.inspectionLot.count({
      where: { compoundId: place.compoundId, workTypeId: workType.id },
    });
    const number = `${place.compoundCode}-${prefix}-${String(count + 1).padStart(3, "0")}`;
    const lot = await tx.inspectionLot.create({
      data: {
        number,
        compoundId: place.compoundId,
        workTypeId: workType.id,
        templateId: template.id,
        contractorOrgId,
        placeKind: input.place.kind,
        stairwellId: input.place.kind === "stairwell" ? input.place.id : null,
        buildingId: input.place.kind === "building" ? input.place.id : null,
        zoneId: input.place.kind === "zone" ? input.place.id : null,
        placeLabel: place.label,
        capacity: input.capacity ?? null,
        capacityUnit: input.capacityUnit ?? null,
        plannedStart: input.plannedStart ?? null,
        plannedEnd: input.plannedEnd ?? null,
        createdById: viewer.id,
      },
      select: { id: true, number: true },
    });
    await recordEvent(tx, {
      actorId: viewer.id,
      action: "lot.create",
      entityType: "InspectionLot",
      entityId: lot.id,
      data: {
        number,
        workType: input.workTypeCode,
        templateVersion: template.version,
        place: input.place,
        contractorOrgId,
      },
    });
    return lot;
  });
}
