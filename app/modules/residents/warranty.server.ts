import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import { recordEvent } from "~/modules/audit/record.server";
import { type Actor, type Scope, scopeFor } from "~/modules/auth/permissions";
import { notify } from "~/modules/defect/inbox.server";
import {
  type DefectAction,
  type DefectTransitionErrorCode,
  decideDefectTransition,
  isDefectState,
} from "~/modules/defect/workflow";
import type { PhotoUpload } from "~/modules/photo/photos.server";
import type { PhotoStorage } from "~/modules/photo/storage.server";
import { compoundIdFilter } from "./access.server";
import { storeResidentPhoto } from "./photos.server";
import { record } from "./record.server";

export type Viewer = Actor & { id: string };

/** Only a rectifying party (a contractor) sees just the issues routed to its organisation. */
const rectifies = (viewer: Actor) => scopeFor(viewer.role, "warranty.rectify") !== null;

/** Where a viewer may see warranty defects: a contractor only those routed to it. */
async function warrantyWhere(db: Db, viewer: Viewer, scope: Scope | null) {
  if (scope === null) return { id: { in: [] as string[] } };
  if (rectifies(viewer)) return { contractorOrgId: viewer.organizationId, route: "contractor" };
  const filter = await compoundIdFilter(db, viewer, scope);
  return filter ? { compoundId: filter } : {};
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
          select: { nameZh: true, nameEn: true, code: true },
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
        ? rectifies(viewer) && viewer.organizationId === w.contractorOrgId
        : reviewer;
    return doer ? { role: "contractor" as const, own: true } : { role: viewer.role, own: false };
  }
  return reviewer ? { role: "supervisor" as const, own: false } : { role: viewer.role, own: false };
}

/** The defect workflow's refusal, in the words of the warranty loop (residents:errors.transition.*). */
function transitionRefusal(code: DefectTransitionErrorCode, action: DefectAction, state: string) {
  const status = 409;
  switch (code) {
    case "forbidden_role":
      return new DomainError(`residents:errors.transition.forbidden_role.${action}`, { status });
    case "not_own_contractor":
      return new DomainError("residents:errors.transition.not_own_contractor", { status });
    case "wrong_state":
      return new DomainError(`residents:errors.transition.wrong_state.${action}`, {
        status,
        params: { state },
      });
    case "comment_required":
      return new DomainError(
        action === "return"
          ? "residents:errors.transition.comment_required.return"
          : "residents:errors.transition.comment_required.reply",
        { status, field: "comment" },
      );
    case "photo_required":
      return new DomainError("residents:errors.transition.photo_required", { status });
  }
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
  if (!w) throw new DomainError("residents:errors.warrantyNotFound", { status: 404 });
  if (!isDefectState(w.status))
    throw new DomainError("residents:errors.unknownState", {
      status: 500,
      params: { state: w.status },
    });
  const { role, own } = warrantyRoleFor(viewer, w, action);
  const decision = decideDefectTransition({
    state: w.status,
    action,
    role,
    isOwnContractor: own,
    comment,
    newAfterPhotos: action === "reply" ? await unrepliedAfterPhotos(db, id) : 0,
  });
  if (!decision.ok) throw transitionRefusal(decision.code, action, w.status);
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
    if (count !== 1) throw new DomainError("residents:errors.stale", { status: 409 });
    if (action === "return" && w.contractorOrgId)
      await notify(
        tx,
        { contractorOrgId: w.contractorOrgId },
        {
          kind: "defect.returned",
          link: `/warranty/${id}`,
          text: record("residents:record.warrantyReturned", {
            number: w.number,
            comment: text ?? "",
          }),
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
  if (!w) throw new DomainError("residents:errors.warrantyNotFound", { status: 404 });
  const doer = warrantyRoleFor(viewer, w, "reply");
  if (!doer.own || w.status !== "in_progress")
    throw new DomainError("residents:errors.afterPhotoNotAllowed", { status: 409 });
  return storeResidentPhoto(
    db,
    storage,
    viewer,
    { kind: "warranty", id, role: "after" },
    {
      project: w.compound.project.name,
      compound: w.compound.name,
      place: w.placeLabel,
      workType: w.workType?.nameZh ?? record("residents:record.warrantyWorkType"),
      item: record("residents:record.afterItem"),
    },
    upload,
  );
}
