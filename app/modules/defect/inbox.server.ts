import { Prisma } from "~/generated/prisma/client";
import { type Db, dbKind } from "~/infra/db.server";
import { queryRows } from "~/infra/sql.server";
import zh from "~/locales/zh-CN/defect";
import { type Action, ROLES, scopeFor } from "~/modules/auth/permissions";
import { DEFAULT_LNG } from "~/modules/i18n/config";
import { type LineParams, lineText } from "./inbox-lines";
import { recordT } from "./labels";
import { chinaDayStart } from "./workflow";

export type NotificationKind =
  | "defect.assigned"
  | "defect.returned"
  | "defect.submitted"
  | "defect.due_soon"
  | "defect.overdue"
  | "notice.issued"
  | "notice.replied";

type Recipients = { contractorOrgId: string } | { userIds: string[] };

/** Roles that may do `action`: who receives a contractor's or a reviewer's lines. */
const rolesFor = (action: Action) => ROLES.filter((r) => scopeFor(r, action) !== null);

/**
 * Adds one inbox line for each recipient, inside the caller's transaction: its kind and the
 * kind's message parameters (rendered in each reader's language), and the Chinese text as the
 * fallback. A line with only `text` (another module's own wording) shows that text.
 */
export async function notify(
  tx: Prisma.TransactionClient,
  to: Recipients,
  line: { kind: NotificationKind; link: string } & (
    | { params: LineParams; text?: undefined }
    | { text: string; params?: undefined }
  ),
) {
  const userIds =
    "userIds" in to
      ? to.userIds
      : (
          await tx.user.findMany({
            where: {
              organizationId: to.contractorOrgId,
              role: { in: rolesFor("defect.rectify") },
              active: true,
            },
            select: { id: true },
          })
        ).map((u) => u.id);
  const text = line.text ?? lineText(line.kind, line.params, recordT(), DEFAULT_LNG);
  const params = line.params ? JSON.stringify(line.params) : null;
  for (const userId of new Set(userIds))
    await tx.notification.create({
      data: { userId, kind: line.kind, link: line.link, text, params },
    });
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Prisma stores DateTime on SQLite as ISO text with "+00:00"; compare in the same form. */
const sqlTime = (d: Date) => d.toISOString().replace("Z", "+00:00");

/**
 * Due-soon (due today or tomorrow) and overdue lines for the defects users must act on: a
 * contractor's open work, a supervisor's defects awaiting re-inspection past due. One line per
 * defect, user and kind (the unique dedupeKey). Set-based: each call is one INSERT … SELECT per
 * recipient kind of at most `batch` new lines, so a background job can run it in bounded steps;
 * never from a request. Returns how many lines it added.
 */
export async function syncDueNotifications(db: Db, now = new Date(), batch = 500) {
  const pg = dbKind(db) === "postgres";
  // SQLite compares the ISO text Prisma stores; PostgreSQL takes the Date as a timestamp.
  const time = (d: Date) => (pg ? d : sqlTime(d));
  const dueBefore = time(new Date(chinaDayStart(now).getTime() + 2 * DAY_MS));
  const overdueUpTo = time(new Date(now.getTime() - DAY_MS));
  const created = pg ? Prisma.sql`${now}::timestamp(3)` : Prisma.sql`${sqlTime(now)}`;
  // text: the Chinese line (defect:inbox.text.defect.overdue|due_soon, as notify would write it);
  // params: the same as JSON, rendered in each reader's language.
  const words = {
    overdue: zh.inbox.text.defect.overdue.split(/\{\{\w+\}\}/),
    dueSoon: zh.inbox.text.defect.due_soon.split(/\{\{\w+\}\}/),
  };
  const dialect = pg
    ? {
        insert: Prisma.sql`INSERT INTO`,
        id: Prisma.sql`'n' || substr(md5(random()::text || clock_timestamp()::text), 1, 24)`,
        chinaDate: Prisma.sql`to_char(x.dueOn + interval '8 hours', 'YYYY-MM-DD')`,
        onConflict: Prisma.sql`ON CONFLICT DO NOTHING`,
        active: Prisma.sql`true`,
        json: (number: Prisma.Sql, title: Prisma.Sql, dueOn: Prisma.Sql) =>
          Prisma.sql`json_build_object('number', ${number}, 'title', ${title}, 'dueOn', ${dueOn})::text`,
      }
    : {
        insert: Prisma.sql`INSERT OR IGNORE INTO`,
        id: Prisma.sql`'n' || lower(hex(randomblob(12)))`,
        chinaDate: Prisma.sql`date(substr(x.dueOn, 1, 19), '+8 hours')`,
        onConflict: Prisma.empty,
        active: Prisma.sql`1`,
        json: (number: Prisma.Sql, title: Prisma.Sql, dueOn: Prisma.Sql) =>
          Prisma.sql`json_object('number', ${number}, 'title', ${title}, 'dueOn', ${dueOn})`,
      };
  // "{{number}} {{title}}：整改期限 {{dueOn}}，…" with the columns in the placeholders' places
  const sentence = ([a, b, c, d]: string[]) =>
    Prisma.sql`${a ?? ""} || x.number || ${b ?? ""} || x.title || ${c ?? ""} || ${dialect.chinaDate} || ${d ?? ""}`;
  const line = (recipients: Prisma.Sql) => Prisma.sql`
    ${dialect.insert} "Notification" ("id", "userId", "kind", "text", "params", "link", "dedupeKey", "createdAt")
    SELECT ${dialect.id}, x.userId, x.kind,
      CASE WHEN x.kind = 'defect.overdue'
        THEN ${sentence(words.overdue)} ELSE ${sentence(words.dueSoon)} END,
      ${dialect.json(Prisma.sql`x.number`, Prisma.sql`x.title`, dialect.chinaDate)},
      '/defects/' || x.defectId, x.kind || ':' || x.defectId, ${created}
    FROM (
      SELECT u."id" AS userId, d."id" AS defectId, d."number" AS number, d."title" AS title,
        d."dueOn" AS dueOn,
        CASE WHEN d."dueOn" <= ${overdueUpTo} THEN 'defect.overdue' ELSE 'defect.due_soon' END AS kind
      FROM "Defect" d JOIN "User" u ON ${recipients}
      WHERE d."dueOn" < ${dueBefore}
    ) x
    WHERE NOT EXISTS (
      SELECT 1 FROM "Notification" n WHERE n."userId" = x.userId AND n."dedupeKey" = x.kind || ':' || x.defectId
    )
    LIMIT ${batch}
    ${dialect.onConflict}`;
  const contractors = await db.$executeRaw(
    line(Prisma.sql`u."organizationId" = d."contractorOrgId"
      AND u."role" IN (${Prisma.join(rolesFor("defect.rectify"))})
      AND u."active" = ${dialect.active} AND d."status" IN ('open', 'in_progress')`),
  );
  const supervisors = await db.$executeRaw(
    line(Prisma.sql`u."id" = d."createdById" AND u."role" IN (${Prisma.join(rolesFor("defect.review"))})
      AND d."status" IN ('open', 'in_progress', 'submitted')`),
  );
  return contractors + supervisors;
}

/** The badge shows 1–99 or "99+", so counting stops there: 100 means "more than 99". */
export const UNREAD_COUNTED = 100;

/**
 * Unread lines for the layout's badge, on every signed-in page: at most UNREAD_COUNTED (a
 * supervisor at county scale had ~10,000 unread, counted row by row on every page).
 */
export async function unreadCount(db: Db, userId: string) {
  const [row] = await queryRows<{ n: number | bigint }>(
    db,
    `SELECT count(*) AS n FROM (SELECT 1 FROM Notification WHERE userId = ? AND readAt IS NULL
     LIMIT ${UNREAD_COUNTED}) AS u`,
    [userId],
  );
  return Number(row?.n ?? 0);
}

export async function inbox(db: Db, userId: string, take = 100) {
  return db.notification.findMany({
    where: { userId },
    select: {
      id: true,
      kind: true,
      text: true,
      params: true,
      link: true,
      createdAt: true,
      readAt: true,
    },
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

/** Marks a line read and returns where it points (the user's own line only; null: none). */
export async function openLine(db: Db, userId: string, id: string) {
  await markRead(db, userId, id);
  const line = await db.notification.findFirst({ where: { id, userId }, select: { link: true } });
  return line?.link ?? null;
}
