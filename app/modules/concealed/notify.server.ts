import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { isUniqueViolation } from "~/infra/db-errors";
import { DomainError } from "~/infra/domain-error";
import type { MessageKey } from "~/locales/resources";
import { recordEvent } from "~/modules/audit/record.server";
import { type Actor, type Scope, scopeFor } from "~/modules/auth/permissions";
import { type PhotoUpload, photoRowData, withPhotoFiles } from "~/modules/photo/photos.server";
import { createKeyedPhoto, processUpload } from "~/modules/photo/process-upload.server";
import type { PhotoStorage } from "~/modules/photo/storage.server";
import { concealedAttachKey, findRecord, requiredOf } from "./records.server";
import { mayAct, placeKey } from "./rules";

type Viewer = Actor & { id: string };
type Code = Extract<MessageKey, `concealed:errors.${string}`>;
const refuse = (code: Code, status = 400, field?: string) =>
  new DomainError(code, { status, ...(field ? { field } : {}) });

import { CONTENT_MAX } from "./forms";

/** The 施工单位 of the compound: a contractor holding a contract there (own compound only). */
async function contractorAt(db: Db, viewer: Viewer, compoundId: string) {
  if (viewer.role !== "contractor" || scopeFor(viewer.role, "lot.submit") === null)
    throw refuse("concealed:errors.contractorOnly", 403);
  const contract = await db.contract.findFirst({
    where: { compoundId, contractorOrgId: viewer.organizationId },
    select: { compound: { select: { name: true, project: { select: { name: true } } } } },
  });
  if (!contract) throw refuse("concealed:errors.compoundNotFound", 404);
  return contract.compound;
}

async function storeWith<T>(
  db: Db,
  storage: PhotoStorage,
  viewer: Viewer,
  watermark: { project: string; compound: string; place: string; workType: string },
  upload: PhotoUpload,
  now: Date,
  commit: (tx: Prisma.TransactionClient, row: ReturnType<typeof photoRowData>) => Promise<T>,
) {
  const processed = await processUpload(db, viewer, { ...watermark, item: null }, upload, { now });
  const row = photoRowData(processed, upload.name, viewer.id, now);
  return withPhotoFiles(db, storage, upload.bytes, processed, () =>
    db.$transaction((tx) => commit(tx, row)),
  );
}

const photoEvent = (
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  recordId: string,
  row: ReturnType<typeof photoRowData>,
  now: Date,
) =>
  createKeyedPhoto(
    tx,
    viewer,
    row,
    { attachKey: concealedAttachKey(recordId), role: "evidence" },
    now,
  );

export type CreateInput = {
  compoundId: string;
  workTypeCode: string;
  placeKind: string;
  placeId: string;
  content: string;
};

/** The contractor notifies the supervisor: the record with its first photo, in one go. */
export async function createConcealed(
  db: Db,
  storage: PhotoStorage,
  viewer: Viewer,
  input: CreateInput,
  upload: PhotoUpload | null,
  now = new Date(),
) {
  const compound = await contractorAt(db, viewer, input.compoundId);
  const content = input.content.trim();
  if (!content) throw refuse("concealed:errors.contentRequired", 400, "content");
  if (content.length > CONTENT_MAX) throw refuse("concealed:errors.contentTooLong", 400, "content");
  const place = (await requiredOf(db, input.compoundId)).find(
    (p) => placeKey(p) === placeKey(input),
  );
  if (!place) throw refuse("concealed:errors.placeNotPlanned", 400, "placeId");
  if (!upload || upload.bytes.length === 0)
    throw refuse("concealed:errors.photoRequired", 400, "photo");
  try {
    return await storeWith(
      db,
      storage,
      viewer,
      {
        project: compound.project.name,
        compound: compound.name,
        place: place.placeLabel,
        workType: place.step.work,
      },
      upload,
      now,
      async (tx, row) => {
        const record = await tx.concealedWork.create({
          data: {
            compoundId: input.compoundId,
            contractorOrgId: viewer.organizationId,
            workTypeCode: place.workTypeCode,
            placeKind: place.placeKind,
            placeId: place.placeId,
            placeLabel: place.placeLabel,
            division: place.step.division,
            subItem: place.step.subItem,
            work: place.step.work,
            content,
            createdById: viewer.id,
            createdAt: now,
            requestedAt: now,
          },
          select: { id: true },
        });
        await recordEvent(
          tx,
          {
            actorId: viewer.id,
            action: "concealed.create",
            entityType: "ConcealedWork",
            entityId: record.id,
            data: {
              compoundId: input.compoundId,
              place: place.placeLabel,
              work: place.step.work,
              content,
              to: "requested",
            },
          },
          now,
        );
        await photoEvent(tx, viewer, record.id, row, now);
        return record;
      },
    );
  } catch (e) {
    if (isUniqueViolation(e)) throw refuse("concealed:errors.exists", 409);
    throw e;
  }
}

/** The record if the viewer is its contractor and it may still change. */
async function ownOpenRecord(db: Db, viewer: Viewer, scope: Scope | null, id: string) {
  const record = await findRecord(db, viewer, scope, id);
  if (!record) throw refuse("concealed:errors.notFound", 404);
  if (viewer.role !== "contractor" || record.contractorOrgId !== viewer.organizationId)
    throw refuse("concealed:errors.contractorOnly", 403);
  if (record.status === "signed") throw refuse("concealed:errors.signed", 409);
  return record;
}

/** Another photo, while the record is not signed (the contractor's, own records only). */
export async function addConcealedPhoto(
  db: Db,
  storage: PhotoStorage,
  viewer: Viewer,
  scope: Scope | null,
  id: string,
  upload: PhotoUpload,
  now = new Date(),
) {
  const record = await ownOpenRecord(db, viewer, scope, id);
  const compound = await contractorAt(db, viewer, record.compoundId);
  return storeWith(
    db,
    storage,
    viewer,
    {
      project: compound.project.name,
      compound: compound.name,
      place: record.placeLabel,
      workType: record.work,
    },
    upload,
    now,
    async (tx, row) => {
      const fresh = await tx.concealedWork.findUnique({ where: { id }, select: { status: true } });
      if (fresh?.status === "signed") throw refuse("concealed:errors.signed", 409);
      return photoEvent(tx, viewer, id, row, now);
    },
  );
}

/** After a refusal the contractor fixes the work and asks again (content may be restated). */
export async function requestAgain(
  db: Db,
  viewer: Viewer,
  scope: Scope | null,
  id: string,
  content: string,
  now = new Date(),
) {
  const record = await ownOpenRecord(db, viewer, scope, id);
  if (!mayAct(record.status, "request")) throw refuse("concealed:errors.notRefused", 409);
  const text = content.trim() || record.content;
  if (text.length > CONTENT_MAX) throw refuse("concealed:errors.contentTooLong", 400, "content");
  await db.$transaction(async (tx) => {
    const { count } = await tx.concealedWork.updateMany({
      where: { id, status: "refused" },
      data: { status: "requested", content: text, requestedAt: now, requests: { increment: 1 } },
    });
    if (count !== 1) throw refuse("concealed:errors.changedByOther", 409);
    await recordEvent(
      tx,
      {
        actorId: viewer.id,
        action: "concealed.request",
        entityType: "ConcealedWork",
        entityId: id,
        data: { from: "refused", to: "requested", content: text },
      },
      now,
    );
  });
}
