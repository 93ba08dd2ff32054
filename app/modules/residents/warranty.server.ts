import { randomUUID } from "node:crypto";
import type { Db } from "~/infra/db.server";
import { recordEvent } from "~/modules/audit/record.server";
import { type Actor, type Scope, scopeFor } from "~/modules/auth/permissions";
import { notify } from "~/modules/defect/inbox.server";
import { recordT } from "~/modules/defect/labels";
import {
  type DefectAction,
  decideDefectTransition,
  isDefectState,
} from "~/modules/defect/workflow";
import type { PhotoUpload } from "~/modules/photo/photos.server";
import type { PhotoStorage } from "~/modules/photo/storage.server";
import { compoundIdFilter, ResidentsError } from "./access.server";
import { storeResidentPhoto } from "./photos.server";
import { routeWarranty } from "./warranty";

type Viewer = Actor & { id: string };

/** Where a viewer may see warranty defects: a contractor only those routed to it. */
async function warrantyWhere(db: Db, viewer: Viewer, scope: Scope | null) {
  if (scope === null) return { id: { in: [] as string[] } };
  if (viewer.role === "contractor")
    return { contractorOrgId: viewer.organizationId, route: "contractor" };
  const filter = await compoundIdFilter(db, viewer, scope);
  return filter ? { compoundId: filter } : {};
}

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
    db.workType.findMany({ select: { code: true, nameZh: true }, orderBy: { seq: "asc" } }),
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
    throw new ResidentsError("小区尚未通过竣工验收，请按施工期质量问题处理", 409);
  const workType = input.workTypeCode
    ? await db.workType.findUnique({
        where: { code: input.workTypeCode },
        select: { id: true, code: true, nameZh: true },
      })
    : null;
  if (input.workTypeCode && !workType) throw new ResidentsError("没有这个工程类别");
  const building = input.buildingId
    ? await db.building.findFirst({
        where: { id: input.buildingId, compoundId: compound.id },
        select: { id: true, name: true },
      })
    : null;
  if (input.buildingId && !building) throw new ResidentsError("请选择本小区的楼栋");
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
      workType: workType?.nameZh ?? "保修报修",
      item: "报修",
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
          reasonZh: routing.reasonZh,
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
          text: `保修：${number} ${input.title}（${placeLabel}），保修期至 ${routing.endsOn.toISOString().slice(0, 10)}`,
        },
      );
    return { id, number, routing };
  });
}

const SELECT = {
  id: true,
  number: true,
  compoundId: true,
  placeLabel: true,
  route: true,
  warrantyEndsOn: true,
  title: true,
  description: true,
  status: true,
  lastComment: true,
  contractorOrgId: true,
  createdAt: true,
  closedAt: true,
  workTypeId: true,
} as const;

export async function listWarranty(db: Db, viewer: Viewer, scope: Scope, compoundId: string) {
  return db.warrantyDefect.findMany({
    where: { AND: [{ compoundId }, await warrantyWhere(db, viewer, scope)] },
    select: SELECT,
    orderBy: { createdAt: "desc" },
    take: 200,
  });
}

export async function getWarranty(db: Db, viewer: Viewer, scope: Scope, id: string) {
  const row = await db.warrantyDefect.findFirst({
    where: { AND: [{ id }, await warrantyWhere(db, viewer, scope)] },
    select: SELECT,
  });
  if (!row) return null;
  const [compound, workType, contractor] = await Promise.all([
    db.compound.findUniqueOrThrow({
      where: { id: row.compoundId },
      select: { id: true, name: true, project: { select: { name: true } } },
    }),
    row.workTypeId
      ? db.workType.findUnique({
          where: { id: row.workTypeId },
          select: { nameZh: true, code: true },
        })
      : null,
    row.contractorOrgId
      ? db.organization.findUnique({ where: { id: row.contractorOrgId }, select: { name: true } })
      : null,
  ]);
  return { ...row, compound, workType, contractorName: contractor?.name ?? null };
}
export type WarrantyDetail = NonNullable<Awaited<ReturnType<typeof getWarranty>>>;

const CONTRACTOR_SIDE: readonly DefectAction[] = ["acknowledge", "reply"];

/**
 * Who plays which part of the defect loop here: in the contractor route the assigned
 * contractor rectifies and the management body (street/物业) re-inspects; in the management
 * route the management body does both. The pure defect workflow then decides.
 */
export function warrantyRoleFor(
  viewer: Viewer,
  w: { route: string; contractorOrgId: string | null },
  action: DefectAction,
) {
  const reviewer = scopeFor(viewer.role, "warranty.review") !== null;
  if (CONTRACTOR_SIDE.includes(action)) {
    const doer =
      w.route === "contractor"
        ? viewer.role === "contractor" && viewer.organizationId === w.contractorOrgId
        : reviewer;
    return doer ? { role: "contractor" as const, own: true } : { role: viewer.role, own: false };
  }
  return reviewer ? { role: "supervisor" as const, own: false } : { role: viewer.role, own: false };
}

async function unrepliedAfterPhotos(db: Db, id: string) {
  const lastReply = await db.auditEvent.findFirst({
    where: { entityType: "WarrantyDefect", entityId: id, action: "warranty.reply" },
    orderBy: { seq: "desc" },
    select: { at: true },
  });
  return db.photo.count({
    where: {
      attachKey: `warranty:${id}:after`,
      ...(lastReply ? { uploadedAt: { gt: lastReply.at } } : {}),
    },
  });
}

export async function transitionWarranty(
  db: Db,
  viewer: Viewer,
  scope: Scope,
  id: string,
  action: DefectAction,
  comment: string | null,
) {
  const w = await getWarranty(db, viewer, scope, id);
  if (!w) throw new ResidentsError("保修问题不存在或您无权查看", 404);
  if (!isDefectState(w.status)) throw new ResidentsError(`未知状态 ${w.status}`, 500);
  const { role, own } = warrantyRoleFor(viewer, w, action);
  const decision = decideDefectTransition({
    state: w.status,
    action,
    role,
    isOwnContractor: own,
    comment,
    newAfterPhotos: action === "reply" ? await unrepliedAfterPhotos(db, id) : 0,
  });
  if (!decision.ok) throw new ResidentsError(recordT()(decision.message, decision.params), 409);
  const text = comment?.trim() || null;
  const now = new Date();
  await db.$transaction(async (tx) => {
    const { count } = await tx.warrantyDefect.updateMany({
      where: { id, status: w.status },
      data: {
        status: decision.next,
        ...(text ? { lastComment: text } : {}),
        closedAt: decision.next === "closed" ? now : null,
      },
    });
    if (count !== 1) throw new ResidentsError("状态已被他人更改，请刷新后重试", 409);
    if (action === "return" && w.contractorOrgId)
      await notify(
        tx,
        { contractorOrgId: w.contractorOrgId },
        {
          kind: "defect.returned",
          link: `/warranty/${id}`,
          text: `保修：${w.number} 退回——${text ?? ""}`,
        },
      );
    await recordEvent(
      tx,
      {
        actorId: viewer.id,
        action: `warranty.${action}`,
        entityType: "WarrantyDefect",
        entityId: id,
        data: { from: w.status, to: decision.next, comment: text ?? undefined },
      },
      now,
    );
  });
  return decision.next;
}

/** 整改后 photo (the rectifying side, while 整改中) or a further 报修 photo (reporter side, while open). */
export async function attachWarrantyPhoto(
  db: Db,
  storage: PhotoStorage,
  viewer: Viewer,
  scope: Scope,
  id: string,
  upload: PhotoUpload,
) {
  const w = await getWarranty(db, viewer, scope, id);
  if (!w) throw new ResidentsError("保修问题不存在或您无权查看", 404);
  const doer = warrantyRoleFor(viewer, w, "reply");
  if (!doer.own || w.status !== "in_progress")
    throw new ResidentsError("只有负责维修的单位在整改中时可以上传整改后照片", 409);
  return storeResidentPhoto(
    db,
    storage,
    viewer,
    { kind: "warranty", id, role: "after" },
    {
      project: w.compound.project.name,
      compound: w.compound.name,
      place: w.placeLabel,
      workType: w.workType?.nameZh ?? "保修报修",
      item: "整改后",
    },
    upload,
  );
}
