import { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { chinaDayStart, dueOnIso } from "./workflow";

export type NotificationKind =
  | "defect.assigned"
  | "defect.returned"
  | "defect.submitted"
  | "defect.due_soon"
  | "defect.overdue"
  | "notice.issued"
  | "notice.replied";

export const NOTIFICATION_KIND_LABELS_ZH: Record<NotificationKind, string> = {
  "defect.assigned": "新的整改任务",
  "defect.returned": "整改被退回",
  "defect.submitted": "待复查",
  "defect.due_soon": "即将到期",
  "defect.overdue": "已逾期",
  "notice.issued": "监理通知单",
  "notice.replied": "通知单已回复",
};

type Recipients = { contractorOrgId: string } | { userIds: string[] };

/** Adds one inbox line for each recipient, inside the caller's transaction. */
export async function notify(
  tx: Prisma.TransactionClient,
  to: Recipients,
  line: { kind: NotificationKind; text: string; link: string },
) {
  const userIds =
    "userIds" in to
      ? to.userIds
      : (
          await tx.user.findMany({
            where: { organizationId: to.contractorOrgId, role: "contractor", active: true },
            select: { id: true },
          })
        ).map((u) => u.id);
  for (const userId of new Set(userIds))
    await tx.notification.create({ data: { userId, ...line } });
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Due-soon (due today or tomorrow) and overdue lines for the defects a user must act on: a
 * contractor's open work, a supervisor's defects awaiting re-inspection past due. Made once per
 * defect and kind, when the user next loads a page.
 */
export async function syncDueNotifications(
  db: Db,
  user: { id: string; role: string; organizationId: string },
  now = new Date(),
) {
  const where: Prisma.DefectWhereInput | null =
    user.role === "contractor"
      ? { contractorOrgId: user.organizationId, status: { in: ["open", "in_progress"] } }
      : user.role === "supervisor"
        ? { createdById: user.id, status: { not: "closed" } }
        : null;
  if (!where) return;
  const tomorrowEnd = chinaDayStart(now).getTime() + 2 * DAY_MS;
  const due = await db.defect.findMany({
    where: { ...where, dueOn: { lt: new Date(tomorrowEnd) } },
    select: { id: true, number: true, title: true, dueOn: true },
  });
  if (due.length === 0) return;
  const lines = due.map((d) => {
    const overdue = now.getTime() >= d.dueOn.getTime() + DAY_MS;
    const kind: NotificationKind = overdue ? "defect.overdue" : "defect.due_soon";
    return {
      userId: user.id,
      kind,
      dedupeKey: `${kind}:${d.id}`,
      link: `/defects/${d.id}`,
      text: `${d.number} ${d.title}：整改期限 ${dueOnIso(d.dueOn)}${overdue ? "，已逾期" : "，即将到期"}`,
    };
  });
  const existing = new Set(
    (
      await db.notification.findMany({
        where: { userId: user.id, dedupeKey: { in: lines.map((l) => l.dedupeKey) } },
        select: { dedupeKey: true },
      })
    ).map((n) => n.dedupeKey),
  );
  // Two tabs loading at once may both try: the unique key keeps one line.
  for (const line of lines.filter((l) => !existing.has(l.dedupeKey)))
    await db.notification.create({ data: line }).catch((error: unknown) => {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002"))
        throw error;
    });
}

export async function unreadCount(db: Db, userId: string) {
  return db.notification.count({ where: { userId, readAt: null } });
}

export async function inbox(db: Db, userId: string, take = 100) {
  return db.notification.findMany({
    where: { userId },
    select: { id: true, kind: true, text: true, link: true, createdAt: true, readAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}

/** Marks lines read: one (opening it) or all; only the user's own lines. */
export async function markRead(db: Db, userId: string, id: string | "all", now = new Date()) {
  await db.notification.updateMany({
    where: { userId, readAt: null, ...(id === "all" ? {} : { id }) },
    data: { readAt: now },
  });
}
