/**
 * 质量控制资料 files (GB 50300-2013 §5.0.3-2): uploaded by the contractor of the compound or the
 * supervisor, checked or returned by the 监理. A file is sniffed from its bytes (PDF or photo),
 * opened to prove it is whole, stored content-addressed (temp → rename) and only then given its
 * row, in one transaction with the audit event. Files never change; each decision is a new row.
 */
import * as mupdf from "mupdf";
import sharp from "sharp";
import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import { parseMultipart, type UploadedFile } from "~/infra/multipart.server";
import { isStorageFullError } from "~/infra/upload-error";
import { z } from "~/infra/zod";
import type { MessageKey } from "~/locales/resources";
import { recordEvent } from "~/modules/audit/record.server";
import type { Scope } from "~/modules/auth/permissions";
import { sniffDrawingFormat } from "~/modules/drawing/sniff";
import type { PhotoStorage } from "~/modules/photo/storage.server";
import { getPlan } from "~/modules/plan/plan.server";
import { compoundWhere } from "~/modules/site/access.server";
import { CONCEALED_KIND, isDocKind, requirementFor } from "./requirements";
import { evidenceKey } from "./storage.server";

export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;
export const TITLE_MAX = 120;

type Code = Extract<MessageKey, `evidence:errors.${string}`>;
const refuse = (code: Code, status = 400, params: Record<string, string | number> = {}) =>
  new DomainError(code, { status, params });

export const MIME: Record<string, string> = {
  pdf: "application/pdf",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
};

const FieldsSchema = z.object({
  division: z.string().trim().min(1).max(60),
  kind: z.string().trim().min(1).max(40),
  title: z.string().trim().min(1).max(TITLE_MAX),
});

async function readUpload(request: Request) {
  try {
    const parsed = await parseMultipart(request, {
      fileBytes: EVIDENCE_MAX_BYTES,
      requestBytes: EVIDENCE_MAX_BYTES + 64 * 1024,
      files: 2,
      fieldBytes: 4 * 1024,
    });
    return parsed;
  } catch (error) {
    const status = (error as { status?: unknown } | null)?.status;
    const mb = EVIDENCE_MAX_BYTES / 1024 / 1024;
    if (status === 413) throw refuse("evidence:errors.tooLarge", 413, { mb });
    if (status === 415) throw refuse("evidence:errors.notMultipart", 415);
    if (status === 400) throw refuse("evidence:errors.incomplete", 400);
    throw error;
  }
}

/** The file's format from its bytes, and proof that it opens (a PDF with pages, a decodable image). */
async function inspect(file: UploadedFile): Promise<string> {
  const format = sniffDrawingFormat(file.bytes);
  if (!format) throw refuse("evidence:errors.notPdfOrPhoto", 415);
  try {
    if (format === "pdf") {
      const doc = mupdf.Document.openDocument(file.bytes, "application/pdf");
      if (doc.countPages() < 1) throw new Error("no pages");
    } else {
      const meta = await sharp(file.bytes).metadata();
      if (!meta.width || !meta.height) throw new Error("no size");
      await sharp(file.bytes).stats();
    }
  } catch {
    throw refuse("evidence:errors.unreadable", 422);
  }
  return format;
}

type Viewer = { id: string };

/** Reads the multipart body and keeps the document; refusals store nothing. */
export async function uploadEvidenceDocument(
  db: Db,
  storage: PhotoStorage,
  viewer: Viewer,
  compoundId: string,
  request: Request,
) {
  const parsed = await readUpload(request);
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
  const [file, ...more] = parsed.files;
  if (more.length > 0) throw refuse("evidence:errors.oneFile");
  if (!file || file.bytes.length === 0) throw refuse("evidence:errors.noFile");
  const format = await inspect(file);

  const key = evidenceKey(file.sha256);
  let created = false;
  try {
    created = (await storage.put(key, file.bytes)).created;
  } catch (error) {
    if (error instanceof DomainError || isStorageFullError(error))
      throw refuse("evidence:errors.storageFull", 507);
    throw error;
  }
  try {
    return await db.$transaction(async (tx) => {
      const doc = await tx.evidenceDocument.create({
        data: {
          compoundId,
          division,
          kind,
          title,
          format,
          fileName: file.name.slice(0, 200),
          sha256: file.sha256,
          size: file.bytes.length,
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
    });
  } catch (error) {
    if (created && (await db.evidenceDocument.count({ where: { sha256: file.sha256 } })) === 0)
      await storage.remove(key);
    throw error;
  }
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
    select: { id: true, format: true, sha256: true, size: true },
  });
}
