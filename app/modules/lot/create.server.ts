import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import { compoundSealedMessage } from "~/modules/acceptance/acceptance.server";
import { recordEvent } from "~/modules/audit/record.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { parseStringList } from "~/modules/checklist/queries.server";
import { compoundWhere } from "~/modules/site/access.server";

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
  if (!workType || !template) throw new DomainError("lot:errors.workTypeNotFound", { status: 404 });

  const place = await resolvePlace(db, input.place, viewer, scope);
  if (!place) throw new DomainError("lot:errors.placeNotFound", { status: 404 });
  const sealed = await compoundSealedMessage(db, place.compoundId);
  if (sealed) throw new DomainError("lot:errors.compoundSealed", { status: 409 });
  const zoneKinds = parseStringList(workType.zoneKinds);
  if (
    workType.placeKind !== input.place.kind ||
    (place.zoneKind && !zoneKinds.includes(place.zoneKind))
  ) {
    throw new DomainError("lot:errors.workTypeNotForPlace", {
      status: 400,
      params: { workType: workType.nameZh },
    });
  }

  const contracts = await db.contract.findMany({
    where: { compoundId: place.compoundId },
    select: { contractorOrgId: true },
  });
  const contractorOrgId =
    scope === "own"
      ? viewer.organizationId
      : (input.contractorOrgId ??
        (contracts.length === 1 ? contracts[0]?.contractorOrgId : undefined));
  if (!contractorOrgId || !contracts.some((c) => c.contractorOrgId === contractorOrgId)) {
    throw new DomainError("lot:errors.contractorNotInCompound", {
      status: 400,
      field: "contractorOrgId",
    });
  }
  if (input.plannedStart && input.plannedEnd && input.plannedEnd < input.plannedStart) {
    throw new DomainError("lot:errors.endBeforeStart", { status: 400, field: "plannedEnd" });
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

/**
 * The new-lot page: the place and work type named by the query, and the contractors with a
 * contract section in its compound (none for a contractor, who creates lots for itself).
 * Null when the place or the work type is not there for this viewer.
 */
export async function newLotPage(
  db: Db,
  viewer: Actor,
  scope: Scope,
  query: { workType: string; placeKind: PlaceRef["kind"]; placeId: string },
) {
  const place = await resolvePlace(db, { kind: query.placeKind, id: query.placeId }, viewer, scope);
  const workType = await db.workType.findUnique({
    where: { code: query.workType },
    select: { code: true, nameZh: true, lotDivision: true },
  });
  if (!place || !workType) return null;
  const contracts =
    scope === "own"
      ? []
      : await db.contract.findMany({
          where: { compoundId: place.compoundId },
          select: { name: true, contractor: { select: { id: true, name: true } } },
        });
  return {
    query,
    place,
    workType,
    contractors: contracts.map((c) => ({
      id: c.contractor.id,
      label: `${c.name} · ${c.contractor.name}`,
    })),
  };
}
