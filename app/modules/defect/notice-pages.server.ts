import type { Db } from "~/infra/db.server";
import { can, type Scope } from "~/modules/auth/permissions";
import type { CurrentUser } from "~/modules/auth/session.server";
import { fixedT } from "~/modules/i18n/i18n.server";
import { noticeRecordWords } from "./notice-record";
import { noticeView } from "./notice-view.server";
import { getNotice, listNoticesPage, noticeCandidates, replyRefusalFor } from "./notices.server";
import { dueOnIso } from "./workflow";

// View models of the notice pages (监理通知单): list, one notice, the issue form.

/** The notices list and, for a supervisor, where a new notice may go. */
export async function noticeListPage(
  db: Db,
  user: CurrentUser,
  scope: Scope,
  after: string | undefined,
) {
  const { rows, next } = await listNoticesPage(db, user, scope, { after });
  return {
    next,
    notices: rows.map((n) => ({
      id: n.id,
      number: n.number,
      subject: n.subject,
      status: n.status,
      issuedAt: n.issuedAt,
      replyDueOn: dueOnIso(n.replyDueOn),
      compound: n.compound.name,
      contractor: n.contractor.shortName,
      defects: n._count.defects,
    })),
    // Where a supervisor may issue one: each compound × contractor holding a contract there.
    targets: can(user, "notice.issue")
      ? (
          await db.contract.findMany({
            select: {
              compound: { select: { id: true, name: true } },
              contractor: { select: { id: true, shortName: true } },
            },
            orderBy: { compound: { code: "asc" } },
          })
        ).map((c) => ({
          value: `${c.compound.id}:${c.contractor.id}`,
          label: `${c.compound.name} · ${c.contractor.shortName}`,
        }))
      : null,
  };
}

/**
 * One notice and, for the notified contractor's side, why the reply form is not offered yet
 * (`blocked`: a refusal's code and params; null when it is offered).
 */
export async function noticePage(db: Db, user: CurrentUser, scope: Scope, noticeId: string) {
  const notice = await getNotice(db, noticeId, user, scope);
  if (!notice) return null;
  const refusal = replyRefusalFor(user, notice, "-");
  return {
    notice: noticeView(notice),
    reply: can(user, "notice.reply") ? { blocked: refusal } : null,
  };
}

/** The issue form for one compound and contractor: the open defects it may carry. */
export async function newNoticePage(db: Db, compoundId: string, contractorOrgId: string) {
  const contract = await db.contract.findFirst({
    where: { compoundId, contractorOrgId },
    select: { compound: { select: { name: true } }, contractor: { select: { name: true } } },
  });
  if (!contract) return null;
  const candidates = await noticeCandidates(db, compoundId, contractorOrgId);
  return {
    compoundId,
    contractorOrgId,
    compound: contract.compound.name,
    contractor: contract.contractor.name,
    candidates: candidates.map((d) => ({
      id: d.id,
      number: d.number,
      title: d.title,
      placeLabel: d.placeLabel,
      severity: d.severity,
      status: d.status,
      dueOn: dueOnIso(d.dueOn),
      onOpenNotice: d.onOpenNotice,
    })),
  };
}

/** The printable 监理通知单 and 回复单: its words in the language of record (decision 0024). */
export async function noticePrintPage(db: Db, user: CurrentUser, scope: Scope, noticeId: string) {
  const notice = await getNotice(db, noticeId, user, scope);
  if (!notice) return null;
  const view = noticeView(notice);
  return {
    id: view.id,
    number: view.number,
    subject: view.subject,
    content: view.content,
    photos: view.defects.map((d) => ({ before: d.beforePhotoId, after: d.afterPhotoId })),
    words: noticeRecordWords(view, fixedT("zh-CN")),
  };
}
