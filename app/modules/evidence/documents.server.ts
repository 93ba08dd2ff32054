/**
 * 质量控制资料 files (GB 50300-2013 §5.0.3-2): uploaded by the contractor of the compound or the
 * supervisor, checked or returned by the 监理. A file goes through the one document store
 * (files/document-store.server.ts: sniffed, opened, stored content-addressed) and only then gets
 * its row, in one transaction with the audit event. Files never change; each decision is a new row.
 */
import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import { z } from "~/infra/zod";
import type { MessageKey } from "~/locales/resources";
import { recordEvent } from "~/modules/audit/record.server";
import type { Scope } from "~/modules/auth/permissions";
import {
  type DocumentUploadPolicy,
  inspectDocument,
  keepDocument,
  withDocumentUpload,
} from "~/modules/files/document-store.server";
import type { PhotoStorage } from "~/modules/photo/storage.server";
import { getPlan } from "~/modules/plan/plan.server";
import { compoundWhere } from "~/modules/site/access.server";
import { TITLE_MAX } from "./forms";
import { CONCEALED_KIND, isDocKind, requirementFor } from "./requirements";

type Code = Extract<MessageKey, `evidence:errors.${string}`>;
const refuse = (code: Code, status = 400, params: Record<string, string | number> = {}) =>
  new DomainError(code, { status, params });

/** The document store's refusals in this namespace's words. */
export const EVIDENCE_UPLOADS: DocumentUploadPolicy = {
  store: "evidence",
  codes: {
    tooLarge: "evidence:errors.tooLarge",
    notMultipart: "evidence:errors.notMultipart",
    incomplete: "evidence:errors.incomplete",
    oneFile: "evidence:errors.oneFile",
    format: "evidence:errors.notPdfOrPhoto",
    unreadable: "evidence:errors.unreadable",
    storageFull: "evidence:errors.storageFull",
  },
};

const FieldsSchema = z.object({
  division: z.string().trim().min(1).max(60),
  kind: z.string().trim().min(1).max(40),
  title: z.string().trim().min(1).max(TITLE_MAX),
});

type Viewer = { id: string };

/** Reads the multipart body and keeps the document; refusals store nothing (no file, no row). */
export async function uploadEvidenceDocument(
  db: Db,
  storage: PhotoStorage,
  viewer: Viewer,
  compoundId: string,
  request: Request,
) {
  return withDocumentUpload(EVIDENCE_UPLOADS, request, async (parsed) => {
    const fields = FieldsSchema.safeParse(parsed.fields);
    if (!fields.success) throw new DomainError("evidence:errors.unknownKind", { status: 400 });
    const { division, kind, title } = fields.data;
    const plan = await getPlan(db, compoundId);
    if (!plan) throw refuse("evidence:errors.noPlan", 409);
    if (!plan.subItems.some((s) => s.division === division))
      throw refuse("evidence:errors.unknownDivision");
    if (kind === CONCEALED_KIND) throw refuse("evidence:errors.concealedNotUpload");
    if (!isDocKind(kind) || !requirementFor(division).documents.includes(kind))
      throw refuse("evidence:errors.unknownKind");
    const file = parsed.file;
    if (!file) throw refuse("evidence:errors.noFile");
    const format = await inspectDocument(EVIDENCE_UPLOADS, file);
    return keepDocument(db, storage, EVIDENCE_UPLOADS, file, () =>
      db.$transaction(async (tx) => {
        const doc = await tx.evidenceDocument.create({
          data: {
            compoundId,
            division,
            kind,
            title,
            format,
            fileName: file.name.slice(0, 200),
            sha256: file.sha256,
            size: file.size,
            uploadedById: viewer.id,
          },
          select: { id: true },
        });
        await recordEvent(tx, {
          actorId: viewer.id,
          action: "evidence.upload",
          entityType: "EvidenceDocument",
          entityId: doc.id,
          data: { compoundId, division, kind, title, format, sha256: file.sha256, to: "submitted" },
        });
        return doc;
      }),
    );
  });
}

export const ReviewSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("check"), documentId: z.string().min(1).max(40) }),
  z.object({
    intent: z.literal("reject"),
    documentId: z.string().min(1).max(40),
    reason: z.string().trim().min(1).max(500),
  }),
]);
export type ReviewInput = z.infer<typeof ReviewSchema>;

/** The 监理's decision on a document of this compound; a checked document is final. */
export async function reviewEvidenceDocument(
  db: Db,
  viewer: Viewer,
  compoundId: string,
  input: ReviewInput,
) {
  const doc = await db.evidenceDocument.findFirst({
    where: { id: input.documentId, compoundId },
    select: {
      id: true,
      reviews: { orderBy: { reviewedAt: "desc" }, take: 1, select: { decision: true } },
    },
  });
  if (!doc) throw refuse("evidence:errors.documentNotFound", 404);
  if (doc.reviews[0]?.decision === "checked") throw refuse("evidence:errors.alreadyReviewed", 409);
  const decision = input.intent === "check" ? "checked" : "rejected";
  const reason = input.intent === "reject" ? input.reason : null;
  await db.$transaction(async (tx) => {
    await tx.evidenceReview.create({
      data: { documentId: doc.id, decision, reason, reviewerId: viewer.id },
    });
    await recordEvent(tx, {
      actorId: viewer.id,
      action: decision === "checked" ? "evidence.check" : "evidence.reject",
      entityType: "EvidenceDocument",
      entityId: doc.id,
      data: { compoundId, from: doc.reviews[0]?.decision ?? "submitted", to: decision, reason },
    });
  });
  return decision;
}

/** A document's file, found only among the compounds the viewer may see (a guessed id finds nothing). */
export async function findEvidenceFile(
  db: Db,
  viewer: { organizationId: string },
  scope: Scope,
  id: string,
) {
  const visible = await db.compound.findMany({
    where: compoundWhere(viewer, scope),
    select: { id: true },
  });
  return db.evidenceDocument.findFirst({
    where: { id, compoundId: { in: visible.map((c) => c.id) } },
    select: { id: true, format: true, sha256: true, size: true, fileName: true },
  });
}
