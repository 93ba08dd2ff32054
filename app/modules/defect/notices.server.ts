import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { recordEvent } from "~/modules/audit/record.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { notify } from "./inbox.server";
import { refusal as refuse } from "./labels";
import {
  isNoticeState,
  type NoticeCandidate,
  noticeDefectsRefusal,
  noticeReplyRefusal,
} from "./notice-rules";
import { dueOnIso, isDefectState } from "./workflow";

type Viewer = Actor & { id: string };

/** Notices a viewer may see: a contractor only those addressed to it. */
export function noticeWhere(
  viewer: { organizationId: string },
  scope: Scope | null,
): Prisma.SupervisionNoticeWhereInput {
  if (scope === null) return { id: { in: [] } };
  if (scope === "any") return {};
  return { contractorOrgId: viewer.organizationId };
}

const OPEN_NOTICE = { notice: { status: "issued" } } as const;

/** Defects of one contractor in one compound that a new notice could carry. */
export async function noticeCandidates(db: Db, compoundId: string, contractorOrgId: string) {
  const rows = await db.defect.findMany({
    where: { compoundId, contractorOrgId, status: { not: "closed" } },
    select: {
      id: true,
      number: true,
      title: true,
      placeLabel: true,
      severity: true,
      status: true,
      dueOn: true,
      notices: { where: OPEN_NOTICE, select: { noticeId: true } },
    },
    orderBy: [{ dueOn: "asc" }, { number: "asc" }],
  });
  return rows.map(({ notices, ...d }) => ({ ...d, onOpenNotice: notices.length > 0 }));
}

export type IssueNoticeInput = {
  compoundId: string;
  contractorOrgId: string;
  defectIds: string[];
  subject: string;
  content: string;
};

/** 签发监理通知单 (supervisor): number, row, its defects and the event, in one transaction. */
export async function issueNotice(db: Db, viewer: Viewer, input: IssueNoticeInput) {
  if (!input.subject.trim()) throw refuse("defect:errors.notice.subjectRequired", 400);
  const compound = await db.compound.findUnique({
    where: { id: input.compoundId },
    select: { id: true, code: true },
  });
  if (!compound) throw refuse("defect:errors.compoundMissing", 404);
  return db.$transaction(async (tx) => {
    const rows = await tx.defect.findMany({
      where: { id: { in: input.defectIds } },
      select: {
        id: true,
        number: true,
        title: true,
        compoundId: true,
        contractorOrgId: true,
        status: true,
        dueOn: true,
        notices: { where: OPEN_NOTICE, select: { noticeId: true } },
      },
      orderBy: { number: "asc" },
    });
    if (rows.length !== new Set(input.defectIds).size)
      throw refuse("defect:errors.notice.defectsMissing", 404);
    const candidates: NoticeCandidate[] = rows.map((d) => ({
      number: d.number,
      compoundId: d.compoundId,
      contractorOrgId: d.contractorOrgId,
      status: isDefectState(d.status) ? d.status : "open",
      onOpenNotice: d.notices.length > 0,
    }));
    const refusal = noticeDefectsRefusal(candidates, input);
    if (refusal) throw refuse(refusal.message, 409, refusal.params);
    const count = await tx.supervisionNotice.count({ where: { compoundId: compound.id } });
    const number = `${compound.code}-TZ-${String(count + 1).padStart(3, "0")}`;
    const replyDueOn = new Date(Math.max(...rows.map((d) => d.dueOn.getTime())));
    const fields = {
      number,
      compoundId: compound.id,
      contractorOrgId: input.contractorOrgId,
      subject: input.subject.trim(),
      content: input.content.trim(),
    };
    const notice = await tx.supervisionNotice.create({
      data: {
        ...fields,
        replyDueOn,
        issuedById: viewer.id,
        defects: { create: rows.map((d, i) => ({ defectId: d.id, seq: i + 1 })) },
      },
      select: { id: true, number: true },
    });
    await recordEvent(tx, {
      actorId: viewer.id,
      action: "notice.issue",
      entityType: "SupervisionNotice",
      entityId: notice.id,
      data: {
        ...fields,
        replyDueOn: replyDueOn.toISOString(),
        defects: rows.map((d) => d.number),
        to: "issued",
      },
    });
    await notify(
      tx,
      { contractorOrgId: input.contractorOrgId },
      {
        kind: "notice.issued",
        link: `/notices/${notice.id}`,
        params: {
          number,
          subject: input.subject.trim(),
          count: rows.length,
          dueOn: dueOnIso(replyDueOn),
        },
      },
    );
    return notice;
  });
}

const NOTICE_SELECT = {
  id: true,
  number: true,
  subject: true,
  content: true,
  status: true,
  replyDueOn: true,
  issuedAt: true,
  replyText: true,
  repliedAt: true,
  contractorOrgId: true,
  issuedById: true,
  compound: {
    select: { id: true, name: true, project: { select: { name: true } } },
  },
  contractor: { select: { name: true } },
  issuedBy: {
    select: { displayName: true, title: true, organization: { select: { name: true } } },
  },
  repliedBy: { select: { displayName: true, title: true } },
  defects: {
    select: {
      seq: true,
      defect: {
        select: {
          id: true,
          number: true,
          title: true,
          description: true,
          placeLabel: true,
          severity: true,
          status: true,
          dueOn: true,
          lastComment: true,
          photos: {
            select: { id: true, role: true },
            orderBy: [{ uploadedAt: "asc" }, { id: "asc" }],
          },
        },
      },
    },
    orderBy: { seq: "asc" },
  },
} satisfies Prisma.SupervisionNoticeSelect;

export async function getNotice(db: Db, noticeId: string, viewer: Actor, scope: Scope) {
  return db.supervisionNotice.findFirst({
    where: { AND: [{ id: noticeId }, noticeWhere(viewer, scope)] },
    select: NOTICE_SELECT,
  });
}
export type NoticeDetail = NonNullable<Awaited<ReturnType<typeof getNotice>>>;

/** Keyset cursor of the notices list (newest first): the last row's issue time and number. */
function decodeNoticeCursor(after: string | undefined) {
  const m = after ? /^(\d{1,15})\.(.{1,60})$/.exec(after) : null;
  return m ? { issuedAt: new Date(Number(m[1])), number: m[2]! } : null;
}

/** One page of the notices the viewer may see, newest first, and the next page's cursor. */
export async function listNoticesPage(
  db: Db,
  viewer: Actor,
  scope: Scope,
  page: { after?: string; take?: number } = {},
) {
  const take = page.take ?? 50;
  const cursor = decodeNoticeCursor(page.after);
  const rows = await listNotices(db, viewer, scope, {
    take: take + 1,
    where: cursor
      ? {
          OR: [
            { issuedAt: { lt: cursor.issuedAt } },
            { issuedAt: cursor.issuedAt, number: { lt: cursor.number } },
          ],
        }
      : {},
  });
  const shown = rows.slice(0, take);
  const last = shown.at(-1);
  return {
    rows: shown,
    next: rows.length > take && last ? `${last.issuedAt.getTime()}.${last.number}` : null,
  };
}

export async function listNotices(
  db: Db,
  viewer: Actor,
  scope: Scope,
  page: { take?: number; where?: Prisma.SupervisionNoticeWhereInput } = {},
) {
  return db.supervisionNotice.findMany({
    where: { AND: [noticeWhere(viewer, scope), page.where ?? {}] },
    take: page.take,
    select: {
      id: true,
      number: true,
      subject: true,
      status: true,
      issuedAt: true,
      replyDueOn: true,
      compound: { select: { name: true } },
      contractor: { select: { shortName: true } },
      _count: { select: { defects: true } },
    },
    orderBy: [{ issuedAt: "desc" }, { number: "desc" }],
  });
}

export function replyRefusalFor(viewer: Actor, notice: NoticeDetail, replyText: string) {
  return noticeReplyRefusal({
    role: viewer.role,
    isOwnContractor: viewer.organizationId === notice.contractorOrgId,
    state: isNoticeState(notice.status) ? notice.status : "replied",
    defectStates: notice.defects.map((d) =>
      isDefectState(d.defect.status) ? d.defect.status : "open",
    ),
    replyText,
  });
}

/** 回复单 (contractor): once, when every defect on the notice is replied to or closed. */
export async function replyNotice(
  db: Db,
  viewer: Viewer,
  scope: Scope,
  noticeId: string,
  replyText: string,
) {
  const notice = await getNotice(db, noticeId, viewer, scope);
  if (!notice) throw refuse("defect:errors.notice.notFound", 404);
  const refusal = replyRefusalFor(viewer, notice, replyText);
  if (refusal) throw refuse(refusal.message, 409, refusal.params);
  const now = new Date();
  const text = replyText.trim();
  await db.$transaction(async (tx) => {
    const { count } = await tx.supervisionNotice.updateMany({
      where: { id: noticeId, status: "issued" },
      data: { status: "replied", replyText: text, repliedById: viewer.id, repliedAt: now },
    });
    if (count !== 1) throw refuse("defect:errors.notice.alreadyReplied", 409);
    await recordEvent(
      tx,
      {
        actorId: viewer.id,
        action: "notice.reply",
        entityType: "SupervisionNotice",
        entityId: noticeId,
        data: {
          from: "issued",
          to: "replied",
          comment: text,
          defects: notice.defects.map((d) => ({
            number: d.defect.number,
            status: d.defect.status,
          })),
        },
      },
      now,
    );
    await notify(
      tx,
      { userIds: [notice.issuedById] },
      {
        kind: "notice.replied",
        link: `/notices/${noticeId}`,
        params: { number: notice.number },
      },
    );
  });
}
