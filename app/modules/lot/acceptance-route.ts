/**
 * Nonconformance routes of an inspection lot, GB 50300-2013 §5.0.6 (decision 0032). Pure.
 *
 * - §5.0.6-1 返工或返修 → 重新验收: the ordinary return (reject), rework, resubmit and accept;
 *   no route is recorded, the record lists the returns (reworkHistory).
 * - §5.0.6-2 检测鉴定 (testing): a qualified testing body appraises the lot as meeting the design
 *   requirement → the 专业监理工程师 accepts it with the report attached.
 * - §5.0.6-3 设计核算 (recalculation): the appraisal falls short, the original designer's
 *   recalculation confirms safety and use → accepted, by the 总监理工程师 (this project's rule:
 *   the clause says "可予以验收", a judgement the chief supervisor takes).
 * The computed verdict is never rewritten: it stays failed on record, the route is shown beside it.
 */
import type { MessageKey } from "~/locales/resources";
import type { Role } from "~/modules/auth/permissions";

export const ACCEPT_ROUTES = ["testing", "recalculation"] as const;
export type AcceptRoute = (typeof ACCEPT_ROUTES)[number];

export const isAcceptRoute = (v: unknown): v is AcceptRoute =>
  typeof v === "string" && (ACCEPT_ROUTES as readonly string[]).includes(v);

/** §5.0.6-3 is the 总监理工程师's; §5.0.6-2 any 专业监理工程师's. */
export const routeNeedsChief = (route: AcceptRoute) => route === "recalculation";

export type RouteRefusalCode =
  | "forbidden_role"
  | "wrong_state"
  | "verdict_passes"
  | "verdict_incomplete"
  | "chief_required"
  | "document_required"
  | "body_required"
  | "report_number_required"
  | "note_required";

export type RouteRefusal = { code: RouteRefusalCode; key: MessageKey; field?: string };

const REFUSAL_KEYS: Record<RouteRefusalCode, MessageKey> = {
  forbidden_role: "nonconformance:errors.forbiddenRole",
  wrong_state: "nonconformance:errors.wrongState",
  verdict_passes: "nonconformance:errors.verdictPasses",
  verdict_incomplete: "nonconformance:errors.verdictIncomplete",
  chief_required: "nonconformance:errors.chiefRequired",
  document_required: "nonconformance:errors.documentRequired",
  body_required: "nonconformance:errors.bodyRequired",
  report_number_required: "nonconformance:errors.reportNumberRequired",
  note_required: "nonconformance:errors.noteRequired",
};

const refusal = (code: RouteRefusalCode, field?: string): RouteRefusal => ({
  code,
  key: REFUSAL_KEYS[code],
  ...(field ? { field } : {}),
});

export type RecordRouteRequest = {
  state: string;
  role: Role;
  isChief: boolean;
  verdictCanAccept: boolean;
  /** The computed verdict is a fail (not merely incomplete: the lot must have been inspected). */
  verdictFails: boolean;
  route: AcceptRoute;
  body: string;
  reportNumber: string;
  note: string;
  hasDocument: boolean;
};

/**
 * May this route be recorded (§5.0.6-2/-3)? Only the supervisor, only on a submitted lot, only
 * when its computed verdict fails (a passing lot is accepted normally, §5.0.1), and only with the
 * testing body or designer named, the report number, a note and the document itself.
 */
export function decideRecordRoute(r: RecordRouteRequest): RouteRefusal | null {
  if (r.role !== "supervisor") return refusal("forbidden_role");
  if (r.state !== "submitted") return refusal("wrong_state");
  if (r.verdictCanAccept) return refusal("verdict_passes");
  if (!r.verdictFails) return refusal("verdict_incomplete");
  if (routeNeedsChief(r.route) && !r.isChief) return refusal("chief_required", "route");
  if (!r.body.trim()) return refusal("body_required", "body");
  if (!r.reportNumber.trim()) return refusal("report_number_required", "reportNumber");
  if (!r.note.trim()) return refusal("note_required", "note");
  if (!r.hasDocument) return refusal("document_required", "document");
  return null;
}

/** At 验收签认 of a failing lot with a recorded route: may this signer accept by it? */
export function routeAcceptRefusal(
  route: AcceptRoute,
  isChief: boolean,
): { code: "chief_required"; key: MessageKey } | null {
  return routeNeedsChief(route) && !isChief
    ? { code: "chief_required", key: REFUSAL_KEYS.chief_required }
    : null;
}

/** What the route tables hold that the rules read. */
export type RouteRow = {
  id: string;
  route: string;
  recordedAt: Date;
  lotAcceptedAt: Date | null;
};

/**
 * The route that applies to a lot now, from its rows (any order):
 * - bound: accepted with it (its lotAcceptedAt is the lot's acceptedAt), or
 * - pending: recorded during the current submission (at or after submittedAt) and not yet bound.
 * A route recorded before a return (reject) or a reopen no longer applies: the lot was reworked
 * and is judged afresh (§5.0.6-1).
 */
export function currentRoute<R extends RouteRow>(
  lot: { status: string; submittedAt: Date | null; acceptedAt: Date | null },
  rows: readonly R[],
): R | null {
  const newest = [...rows].sort((a, b) => b.recordedAt.getTime() - a.recordedAt.getTime());
  if (lot.acceptedAt) {
    const at = lot.acceptedAt.getTime();
    const bound = newest.find((r) => r.lotAcceptedAt?.getTime() === at);
    if (bound || lot.status === "accepted") return bound ?? null;
  }
  if (lot.status !== "submitted" || !lot.submittedAt) return null;
  const since = lot.submittedAt.getTime();
  return newest.find((r) => !r.lotAcceptedAt && r.recordedAt.getTime() >= since) ?? null;
}

/** A recorded route as the lot's record reads it (lot-read.server.ts). */
export type AcceptanceRouteRecord = RouteRow & {
  body: string;
  reportNumber: string;
  note: string;
  documentName: string;
  documentFormat: string;
  documentSize: number;
  documentSha256: string;
  verdictSummary: string;
  recordedBy: { displayName: string; title: string };
};

/** What a lot's 验收签认 binds of the route it was accepted by (lotContentHash). */
export function routeEvidence(r: AcceptanceRouteRecord) {
  return {
    route: r.route,
    body: r.body,
    reportNumber: r.reportNumber,
    note: r.note,
    documentName: r.documentName,
    documentSha256: r.documentSha256,
  };
}

/** The route a lot was accepted by (bound to its acceptance), if any. */
export function boundRoute<R extends RouteRow>(
  lot: { status: string; submittedAt: Date | null; acceptedAt: Date | null },
  rows: readonly R[] | undefined,
): R | null {
  const route = currentRoute(lot, rows ?? []);
  return route?.lotAcceptedAt ? route : null;
}
