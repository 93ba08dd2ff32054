/**
 * How a lot's record shows its nonconformance handling (GB 50300-2013 §5.0.6; decision 0032):
 * the §5.0.6-2/-3 route it was (or is to be) accepted by, and each §5.0.6-1 round of return,
 * rework and re-inspection from its events. Pure; the record's words are Chinese (fixedT).
 */

import type { Cell } from "~/modules/report/pdf.server";
import { type AcceptanceRouteRecord, currentRoute, isAcceptRoute } from "./acceptance-route";
import type { RecordT } from "./record-view";

type Lot = {
  status: string;
  submittedAt: Date | null;
  acceptedAt: Date | null;
  acceptanceRoutes?: AcceptanceRouteRecord[];
};

/** The route that applies (pending while submitted, bound once accepted), for page and PDF. */
export function routeView(lot: Lot, t: RecordT) {
  const r = currentRoute(lot, lot.acceptanceRoutes ?? []);
  if (!r || !isAcceptRoute(r.route)) return null;
  return {
    id: r.id,
    route: r.route,
    name: t(`nonconformance:routes.${r.route}`),
    clause: t(`nonconformance:clause.${r.route}`),
    body: r.body,
    reportNumber: r.reportNumber,
    note: r.note,
    documentName: r.documentName,
    documentFormat: r.documentFormat,
    documentSize: r.documentSize,
    documentSha256: r.documentSha256,
    failedVerdict: r.verdictSummary,
    recordedBy: r.recordedBy,
    recordedAt: r.recordedAt,
    bound: r.lotAcceptedAt !== null,
  };
}
export type RouteView = NonNullable<ReturnType<typeof routeView>>;

/** A lot event as lotHistory reads it. */
export type LotEvent = {
  at: Date;
  action: string;
  actor: string | null;
  reason: string | null;
  verdict: string | null;
};

/**
 * §5.0.6-1 返工或返修后重新验收: each return by the supervisor (lot.reject, or lot.reopen of an
 * accepted lot) with the reason and the verdict at that moment, and the contractor's next
 * submission (the re-inspection), if any yet.
 */
export function reworkRounds(events: readonly LotEvent[]) {
  const rounds: {
    returnedAt: Date;
    returnedBy: string | null;
    reason: string | null;
    verdict: string | null;
    resubmittedAt: Date | null;
    resubmittedBy: string | null;
  }[] = [];
  for (const e of events) {
    if (e.action === "lot.reject" || e.action === "lot.reopen")
      rounds.push({
        returnedAt: e.at,
        returnedBy: e.actor,
        reason: e.reason,
        verdict: e.verdict,
        resubmittedAt: null,
        resubmittedBy: null,
      });
    const open = rounds[rounds.length - 1];
    if (e.action === "lot.submit" && open && !open.resubmittedAt) {
      open.resubmittedAt = e.at;
      open.resubmittedBy = e.actor;
    }
  }
  return rounds;
}
export type ReworkRound = ReturnType<typeof reworkRounds>[number];

/**
 * The record's 不合格处理 lines (附录E page and PDF, in the record's language): each §5.0.6-1
 * round, then the §5.0.6-2/-3 route the lot was accepted by with its document's name and hash.
 * Empty when the lot was never returned nor accepted by a route.
 */
export function nonconformanceLines(
  route: RouteView | null,
  rounds: readonly ReworkRound[],
  t: RecordT,
  date: (d: Date) => string,
): string[] {
  const w = (key: string, params?: Record<string, unknown>) =>
    String(t(`nonconformance:record.${key}` as never, params as never));
  const sep = w("sep");
  const labelled = (label: string, value: string) => w("labelled", { label: w(label), value });
  const lines: string[] = [];
  for (const r of rounds) {
    const parts = [
      w("returned", { date: date(r.returnedAt), name: r.returnedBy ?? "", reason: r.reason ?? "" }),
    ];
    if (r.verdict) parts.push(labelled("failedVerdict", r.verdict));
    if (r.resubmittedAt)
      parts.push(w("resubmitted", { date: date(r.resubmittedAt), name: r.resubmittedBy ?? "" }));
    lines.push(labelled("reworked", parts.join(sep)));
  }
  if (route?.bound) {
    lines.push(route.clause);
    lines.push(
      [
        labelled("body", route.body),
        labelled("reportNumber", route.reportNumber),
        labelled("failedVerdict", route.failedVerdict),
      ].join(sep),
    );
    const file = w("hashed", { name: route.documentName, sha256: route.documentSha256 });
    lines.push(labelled("document", file));
    lines.push(labelled("note", route.note));
  }
  return lines;
}

/** The 附录E PDF's 不合格处理 row (none when there is nothing to say). */
export function nonconformanceRows(lines: readonly string[] | undefined, t: RecordT): Cell[][] {
  if (!lines || lines.length === 0) return [];
  return [[{ text: t("nonconformance:record.heading"), bold: true }, lines.join("\n"), ""]];
}

/**
 * The lot page's §5.0.6 panel: shown while a submitted (or returned) lot's verdict fails, with
 * the routes explained, and whenever a route applies; the supervisor may record one while the
 * lot is submitted and failing.
 */
export function nonconformancePanel(lot: Lot, verdictStatus: string, reviews: boolean) {
  const r = currentRoute(lot, lot.acceptanceRoutes ?? []);
  const route =
    r && isAcceptRoute(r.route)
      ? {
          id: r.id,
          route: r.route,
          body: r.body,
          reportNumber: r.reportNumber,
          documentName: r.documentName,
          documentSha256: r.documentSha256,
          bound: r.lotAcceptedAt !== null,
        }
      : null;
  const fails = verdictStatus === "fail";
  const failing = fails && (lot.status === "submitted" || lot.status === "rejected");
  if (!failing && !route) return null;
  return { route, failing, canRecord: reviews && lot.status === "submitted" && fails };
}

/** The 竣工验收 record's remark line naming the lots accepted by §5.0.6-2/-3, or null. */
export function completionRemark(
  lots: readonly { number: string; route: string; reportNumber: string }[],
  t: RecordT,
): string | null {
  if (lots.length === 0) return null;
  const list = lots
    .map((l) =>
      isAcceptRoute(l.route)
        ? `${l.number} ${t(`nonconformance:routes.${l.route}`)} ${l.reportNumber}`
        : l.number,
    )
    .join(t("nonconformance:record.sep"));
  return t("nonconformance:completion.remark", { list });
}
