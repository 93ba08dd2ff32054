import { randomUUID } from "node:crypto";
import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import { recordEvent } from "~/modules/audit/record.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import type { PhotoUpload } from "~/modules/photo/photos.server";
import type { PhotoStorage } from "~/modules/photo/storage.server";
import { compoundIdFilter } from "./access.server";
import { type IllegalState, illegalStepRefusal, isIllegalState } from "./illegal";
import { storeResidentPhoto } from "./photos.server";
import { record } from "./record.server";

type Viewer = Actor & { id: string };

const SELECT = {
  id: true,
  number: true,
  compoundId: true,
  placeLabel: true,
  description: true,
  areaM2: true,
  status: true,
  deadlineOn: true,
  lastComment: true,
  createdAt: true,
  updatedAt: true,
} as const;

async function where(db: Db, viewer: Viewer, scope: Scope | null) {
  const filter = await compoundIdFilter(db, viewer, scope);
  return filter ? { compoundId: filter } : {};
}

export async function listIllegal(db: Db, viewer: Viewer, scope: Scope, compoundId: string) {
  return db.illegalStructure.findMany({
    where: { AND: [{ compoundId }, await where(db, viewer, scope)] },
    select: SELECT,
    orderBy: { createdAt: "desc" },
  });
}

export async function visibleIllegal(db: Db, viewer: Viewer, scope: Scope, id: string) {
  return db.illegalStructure.findFirst({
    where: { AND: [{ id }, await where(db, viewer, scope)] },
    select: SELECT,
  });
}

async function watermark(db: Db, compoundId: string, place: string) {
  const c = await db.compound.findUniqueOrThrow({
    where: { id: compoundId },
    select: { name: true, code: true, project: { select: { name: true } } },
  });
  return {
    c,
    mark: {
      project: c.project.name,
      compound: c.name,
      place,
      workType: record("residents:record.illegalWorkType"),
      item: null,
    },
  };
}

/** 登记: place, description and a 拆除前 photo; number, row and event together. */
export async function registerIllegal(
  db: Db,
  storage: PhotoStorage,
  viewer: Viewer,
  input: { compoundId: string; placeLabel: string; description: string; areaM2: number | null },
  photo: PhotoUpload,
) {
  const { c, mark } = await watermark(db, input.compoundId, input.placeLabel);
  const id = randomUUID();
  await storeResidentPhoto(
    db,
    storage,
    viewer,
    { kind: "illegal", id, role: "before" },
    mark,
    photo,
  );
  return db.$transaction(async (tx) => {
    const count = await tx.illegalStructure.count({ where: { compoundId: input.compoundId } });
    const number = `${c.code}-WJ-${String(count + 1).padStart(3, "0")}`;
    const data = { id, number, ...input, createdById: viewer.id };
    await tx.illegalStructure.create({ data, select: { id: true } });
    await recordEvent(tx, {
      actorId: viewer.id,
      action: "illegal.register",
      entityType: "IllegalStructure",
      entityId: id,
      data: { ...data, to: "registered" },
    });
    return { id, number };
  });
}

export async function attachIllegalPhoto(
  db: Db,
  storage: PhotoStorage,
  viewer: Viewer,
  scope: Scope,
  id: string,
  photo: PhotoUpload,
) {
  const row = await visibleIllegal(db, viewer, scope, id);
  if (!row) throw new DomainError("residents:errors.illegalNotFound", { status: 404 });
  if (row.status === "demolished")
    throw new DomainError("residents:errors.demolishedNoPhotos", { status: 409 });
  const { mark } = await watermark(db, row.compoundId, row.placeLabel);
  const role = row.status === "deadline" ? "after" : "before";
  return storeResidentPhoto(
    db,
    storage,
    viewer,
    { kind: "illegal", id, role },
    {
      ...mark,
      item: record(role === "after" ? "residents:record.after" : "residents:record.before"),
    },
    photo,
  );
}

/** One step towards demolition, audited; the status in `where` stops a concurrent double step. */
export async function advanceIllegal(
  db: Db,
  viewer: Viewer,
  scope: Scope,
  id: string,
  to: IllegalState,
  deadline: Date | null,
  comment: string | null,
) {
  const row = await visibleIllegal(db, viewer, scope, id);
  if (!row) throw new DomainError("residents:errors.illegalNotFound", { status: 404 });
  if (!isIllegalState(row.status))
    throw new DomainError("residents:errors.unknownState", {
      status: 500,
      params: { state: row.status },
    });
  const afterPhotos = await db.photo.count({ where: { attachKey: `illegal:${id}:after` } });
  const refusal = illegalStepRefusal({ from: row.status, to, deadline, afterPhotos });
  if (refusal) throw refusal;
  await db.$transaction(async (tx) => {
    const { count } = await tx.illegalStructure.updateMany({
      where: { id, status: row.status },
      data: {
        status: to,
        ...(to === "deadline" ? { deadlineOn: deadline } : {}),
        ...(comment ? { lastComment: comment } : {}),
      },
    });
    if (count !== 1) throw new DomainError("residents:errors.stale", { status: 409 });
    await recordEvent(tx, {
      actorId: viewer.id,
      action: `illegal.${to}`,
      entityType: "IllegalStructure",
      entityId: id,
      data: {
        from: row.status,
        to,
        deadlineOn: deadline?.toISOString() ?? undefined,
        comment: comment ?? undefined,
      },
    });
  });
}
