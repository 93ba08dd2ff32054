/**
 * 隐蔽工程验收, the supervisor's side: the 专业监理工程师 signs with a drawn signature and the
 * password (binding the record's fields and photo hashes) or refuses with a reason. One
 * transaction with its audit event each; a signed record never changes.
 */
import { createHash } from "node:crypto";
import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import type { MessageKey } from "~/locales/resources";
import zh from "~/locales/zh-CN/concealed";
import type { SignatureImage } from "~/modules/acceptance/signature-image.server";
import { canonicalJson } from "~/modules/audit/canonical";
import { recordEvent } from "~/modules/audit/record.server";
import { type Actor, type Scope, scopeFor } from "~/modules/auth/permissions";
import { checkSigningPassword } from "~/modules/auth/signing-password.server";
import { findRecord, recordPhotos } from "./records.server";
import { mayAct } from "./rules";

type Viewer = Actor & { id: string };
type Code = Extract<MessageKey, `concealed:errors.${string}`>;
const refuse = (code: Code, status = 400, field?: string) =>
  new DomainError(code, { status, ...(field ? { field } : {}) });

import { REASON_MAX } from "./forms";

/** The supervision engineer (监理) who inspects: a supervisor who may accept lots. */
function assertSupervisor(viewer: Viewer) {
  if (viewer.role !== "supervisor" || scopeFor(viewer.role, "lot.review") === null)
    throw refuse("concealed:errors.supervisorOnly", 403);
}

/** What a signature binds: the record's fields and its photos' hashes. */
export function concealedContentHash(content: {
  id: string;
  compoundId: string;
  contractorOrgId: string;
  placeLabel: string;
  division: string;
  subItem: string;
  work: string;
  content: string;
  photos: string[];
  signerId: string;
  opinion: string;
  signatureSha256: string;
}) {
  const normal = { ...content, photos: [...content.photos].sort() };
  return createHash("sha256").update(canonicalJson(normal)).digest("hex");
}

export type SignInput = { password: string; image: SignatureImage; opinion: string };

/** Signs for the supervisor: the password is checked first (decision 0010), then signChecked. */
export async function signConcealed(
  db: Db,
  viewer: Viewer,
  scope: Scope | null,
  id: string,
  input: SignInput,
  now = new Date(),
) {
  await reviewable(db, viewer, scope, id);
  const password = await checkSigningPassword(db, viewer.id, input.password, now);
  if (!password.ok)
    throw new DomainError("concealed:errors.password", {
      status: password.status,
      params: { message: password.message },
      field: "password",
    });
  return signChecked(db, viewer, scope, id, input, now);
}

/** The record, if this supervisor may sign or refuse it now. */
async function reviewable(db: Db, viewer: Viewer, scope: Scope | null, id: string) {
  assertSupervisor(viewer);
  const record = await findRecord(db, viewer, scope, id);
  if (!record) throw refuse("concealed:errors.notFound", 404);
  if (!mayAct(record.status, "sign"))
    throw refuse(
      record.status === "signed" ? "concealed:errors.signed" : "concealed:errors.notRequested",
      409,
    );
  return record;
}

/**
 * The signature itself, once the signer is known (signConcealed checked the password; the demo
 * seed signs as its supervisor): binds the record's fields and its photos' hashes.
 */
export async function signChecked(
  db: Db,
  viewer: Viewer,
  scope: Scope | null,
  id: string,
  input: Omit<SignInput, "password">,
  now = new Date(),
) {
  const record = await reviewable(db, viewer, scope, id);
  // An empty opinion is recorded as the conventional wording (the record's language).
  const opinion = input.opinion.trim() || zh.record.defaultOpinion;
  await db.$transaction(async (tx) => {
    const photos = await recordPhotos(tx, id);
    if (photos.length === 0) throw refuse("concealed:errors.photoRequired", 409);
    const contentHash = concealedContentHash({
      id,
      compoundId: record.compoundId,
      contractorOrgId: record.contractorOrgId,
      placeLabel: record.placeLabel,
      division: record.division,
      subItem: record.subItem,
      work: record.work,
      content: record.content,
      photos: photos.map((p) => p.sha256),
      signerId: viewer.id,
      opinion,
      signatureSha256: input.image.sha256,
    });
    const { count } = await tx.concealedWork.updateMany({
      where: { id, status: "requested", content: record.content },
      data: {
        status: "signed",
        signedById: viewer.id,
        signedAt: now,
        opinion,
        signatureSha256: input.image.sha256,
        signaturePng: new Uint8Array(input.image.png),
        contentHash,
      },
    });
    if (count !== 1) throw refuse("concealed:errors.changedByOther", 409);
    await recordEvent(
      tx,
      {
        actorId: viewer.id,
        action: "concealed.sign",
        entityType: "ConcealedWork",
        entityId: id,
        data: {
          from: "requested",
          to: "signed",
          opinion,
          contentHash,
          imageSha256: input.image.sha256,
        },
      },
      now,
    );
  });
}

export async function refuseConcealed(
  db: Db,
  viewer: Viewer,
  scope: Scope | null,
  id: string,
  reason: string,
  now = new Date(),
) {
  await reviewable(db, viewer, scope, id);
  const text = reason.trim();
  if (!text) throw refuse("concealed:errors.reasonRequired", 400, "reason");
  if (text.length > REASON_MAX) throw refuse("concealed:errors.reasonTooLong", 400, "reason");
  await db.$transaction(async (tx) => {
    const { count } = await tx.concealedWork.updateMany({
      where: { id, status: "requested" },
      data: { status: "refused", refusedReason: text, refusedAt: now, refusedById: viewer.id },
    });
    if (count !== 1) throw refuse("concealed:errors.changedByOther", 409);
    await recordEvent(
      tx,
      {
        actorId: viewer.id,
        action: "concealed.refuse",
        entityType: "ConcealedWork",
        entityId: id,
        data: { from: "requested", to: "refused", reason: text },
      },
      now,
    );
  });
}
