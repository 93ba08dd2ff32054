/**
 * Recording a §5.0.6 acceptance route with its document, and binding it at 验收签认
 * (GB 50300-2013 §5.0.6-2/-3; decision 0032). The rules are in acceptance-route.ts.
 */
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import type { UploadedFile } from "~/infra/multipart.server";
import { recordEvent } from "~/modules/audit/record.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import {
  type DocumentUploadPolicy,
  documentResponse,
  documentStorage,
  inspectDocument,
  keepDocument,
  withDocumentUpload,
} from "~/modules/files/document-store.server";
import { isChiefSupervisor } from "~/modules/plan/plan";
import {
  type AcceptRoute,
  currentRoute,
  decideRecordRoute,
  type RouteRefusalCode,
} from "./acceptance-route";
import type { LotDetail } from "./lot-query.server";
import { requireLot } from "./record.server";
import { verdictTextZh } from "./verdict-text";

type Viewer = Actor & { id: string; title: string };

/** The document store's refusals in this namespace's words (a test report or recalculation). */
const ROUTE_UPLOADS: DocumentUploadPolicy = {
  store: "route",
  field: "document",
  codes: {
    tooLarge: "nonconformance:errors.documentTooLarge",
    notMultipart: "nonconformance:errors.notMultipart",
    incomplete: "nonconformance:errors.incomplete",
    oneFile: "nonconformance:errors.oneDocument",
    format: "nonconformance:errors.documentFormat",
    unreadable: "nonconformance:errors.documentUnreadable",
    storageFull: "nonconformance:errors.storageFull",
  },
};

/** The form's fields and its one document (an empty file input counts as none), for `use`. */
export const withRouteUpload = <T>(
  request: Request,
  use: Parameters<typeof withDocumentUpload<T>>[2],
) => withDocumentUpload(ROUTE_UPLOADS, request, use);

const STATUS: Record<RouteRefusalCode, number> = {
  forbidden_role: 403,
  chief_required: 403,
  wrong_state: 409,
  verdict_passes: 409,
  verdict_incomplete: 409,
  document_required: 400,
  body_required: 400,
  report_number_required: 400,
  note_required: 400,
};

export type RecordRouteInput = {
  route: AcceptRoute;
  body: string;
  reportNumber: string;
  note: string;
};

/**
 * The supervisor records how a submitted, failing lot is to be accepted (§5.0.6-2 testing,
 * §5.0.6-3 recalculation) with the document. Checked before anything is kept; the document is
 * stored content-addressed (never rewritten), then the row and its audit event commit together.
 */
export async function recordAcceptRoute(
  db: Db,
  viewer: Viewer,
  scope: Scope,
  lotId: string,
  input: RecordRouteInput,
  file: UploadedFile | null,
  now = new Date(),
) {
  const detail = await requireLot(db, lotId, viewer, scope);
  const refusal = decideRecordRoute({
    state: detail.lot.status,
    role: viewer.role,
    isChief: isChiefSupervisor(viewer),
    verdictCanAccept: detail.verdict.canAccept,
    verdictFails: detail.verdict.status === "fail",
    route: input.route,
    body: input.body,
    reportNumber: input.reportNumber,
    note: input.note,
    hasDocument: file !== null,
  });
  if (refusal)
    throw new DomainError(refusal.key, { status: STATUS[refusal.code], field: refusal.field });
  const document = file as UploadedFile;
  const format = await inspectDocument(ROUTE_UPLOADS, document);
  const storage = documentStorage("route");
  const submittedAt = detail.lot.submittedAt;
  return keepDocument(db, storage, ROUTE_UPLOADS, document, () =>
    db.$transaction(async (tx) => {
      // The lot must still be in the submission the route was decided on (a write takes the lock).
      const { count } = await tx.inspectionLot.updateMany({
        where: { id: lotId, status: "submitted", submittedAt },
        data: { status: "submitted" },
      });
      if (count !== 1)
        throw new DomainError("nonconformance:errors.changedByOther", { status: 409 });
      const row = await tx.lotAcceptanceRoute.create({
        data: {
          lotId,
          route: input.route,
          body: input.body.trim(),
          reportNumber: input.reportNumber.trim(),
          note: input.note.trim(),
          documentName: document.name.slice(0, 200) || "document",
          documentFormat: format,
          documentSize: document.size,
          documentSha256: document.sha256,
          verdictSummary: verdictTextZh(detail.verdict.summary),
          recordedById: viewer.id,
          recordedAt: now,
        },
        select: { id: true, route: true, documentSha256: true },
      });
      await recordEvent(
        tx,
        {
          actorId: viewer.id,
          action: "lot.route.record",
          entityType: "InspectionLot",
          entityId: lotId,
          data: {
            routeId: row.id,
            route: input.route,
            body: input.body.trim(),
            reportNumber: input.reportNumber.trim(),
            documentSha256: document.sha256,
            documentSize: document.size,
            verdict: verdictTextZh(detail.verdict.summary),
          },
        },
        now,
      );
      return row;
    }),
  );
}

/**
 * At 验收签认 of a failing lot: binds the route recorded for this submission to the acceptance
 * (its lotAcceptedAt = the lot's acceptedAt), so the signed content hash covers it. Returns what
 * the accept event records of it; a passing lot binds nothing.
 */
export async function bindAcceptRoute(tx: Prisma.TransactionClient, detail: LotDetail, now: Date) {
  if (detail.verdict.canAccept) return undefined;
  const route = currentRoute(detail.lot, detail.lot.acceptanceRoutes ?? []);
  if (!route || route.lotAcceptedAt) return undefined;
  const { count } = await tx.lotAcceptanceRoute.updateMany({
    where: { id: route.id, lotAcceptedAt: null },
    data: { lotAcceptedAt: now },
  });
  if (count !== 1) throw new DomainError("lot:errors.changedByOther", { status: 409 });
  return { id: route.id, route: route.route, documentSha256: route.documentSha256 };
}

/** A route's document for whoever may see its lot. */
export async function routeDocument(
  db: Db,
  viewer: Actor,
  scope: Scope,
  lotId: string,
  routeId: string,
) {
  const detail = await requireLot(db, lotId, viewer, scope);
  const route = detail.lot.acceptanceRoutes?.find((r) => r.id === routeId);
  if (!route) throw new DomainError("nonconformance:errors.documentMissing", { status: 404 });
  const file = await documentResponse("route", {
    sha256: route.documentSha256,
    format: route.documentFormat,
    name: route.documentName,
  });
  if (!file) throw new DomainError("nonconformance:errors.documentMissing", { status: 404 });
  return file;
}

/**
 * The compound's lots accepted by a §5.0.6-2/-3 route (bound to their current acceptance), for
 * the 竣工验收 record's remarks: they count as accepted, and are listed, not blocking.
 */
export async function routeAcceptedLots(db: Db, compoundId: string) {
  const rows = await db.inspectionLot.findMany({
    where: { compoundId, status: "accepted", acceptedAt: { not: null } },
    select: { id: true, number: true, acceptedAt: true },
    orderBy: { number: "asc" },
  });
  if (rows.length === 0) return [];
  const routes = await db.lotAcceptanceRoute.findMany({
    where: { lotId: { in: rows.map((r) => r.id) }, lotAcceptedAt: { not: null } },
    select: { lotId: true, route: true, reportNumber: true, lotAcceptedAt: true },
  });
  return rows.flatMap((lot) => {
    const bound = routes.find(
      (r) => r.lotId === lot.id && r.lotAcceptedAt?.getTime() === lot.acceptedAt?.getTime(),
    );
    return bound
      ? [{ number: lot.number, route: bound.route, reportNumber: bound.reportNumber }]
      : [];
  });
}
