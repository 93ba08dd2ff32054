import { createHash, randomBytes } from "node:crypto";
import type { Db } from "~/infra/db.server";
import { SESSION_MAX_AGE_SECONDS, sessionCookie } from "~/infra/session-cookie.server";
import { queryRows, sqlBool, toDate } from "~/infra/sql.server";
import { isRole, type Role } from "./permissions";

export type CurrentUser = {
  id: string;
  username: string;
  displayName: string;
  title: string;
  role: Role;
  /** UI language setting ("zh-CN" | "en"), null when never chosen. */
  locale: string | null;
  organizationId: string;
  organizationName: string;
  organizationKind: string;
  sessionId: string;
};

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
// Writing lastSeenAt on every request would serialise reads behind writes; once a minute is enough.
const TOUCH_INTERVAL_MS = 60_000;

export async function createSession(db: Db, userId: string, userAgent: string | null) {
  const token = randomBytes(32).toString("base64url");
  await db.session.create({
    data: {
      id: hashToken(token),
      userId,
      userAgent: userAgent?.slice(0, 300) ?? null,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
    },
  });
  return sessionCookie().serialize(token);
}

async function tokenFrom(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

// One statement on every request (the nested Prisma select took three: session, user, org).
const SESSION_USER_SQL = `SELECT s.id, s.expiresAt, s.lastSeenAt, u.id AS u_id, u.username,
  u.displayName, u.title, u.role, u.active, u.locale, u.organizationId, o.name AS o_name,
  o.kind AS o_kind
FROM Session s JOIN User u ON u.id = s.userId JOIN Organization o ON o.id = u.organizationId
WHERE s.id = ?`;

export async function getCurrentUser(db: Db, request: Request): Promise<CurrentUser | null> {
  const token = await tokenFrom(request);
  if (!token) return null;
  const id = hashToken(token);
  const [row] = await queryRows(db, SESSION_USER_SQL, [id]);
  // Fails closed: an expiry that does not parse is no session.
  if (!row || !(toDate(row.expiresAt).getTime() > Date.now()) || !sqlBool(row.active)) return null;
  const role = String(row.role);
  if (!isRole(role)) return null;
  if (Date.now() - toDate(row.lastSeenAt).getTime() > TOUCH_INTERVAL_MS) {
    await db.session.update({ where: { id }, data: { lastSeenAt: new Date() } });
  }
  return {
    id: String(row.u_id),
    username: String(row.username),
    displayName: String(row.displayName),
    title: String(row.title),
    role,
    locale: row.locale === null || row.locale === undefined ? null : String(row.locale),
    organizationId: String(row.organizationId),
    organizationName: String(row.o_name),
    organizationKind: String(row.o_kind),
    sessionId: String(row.id),
  };
}

/** Deletes the request's session (if any) and returns the Set-Cookie header that clears it. */
export async function destroySession(db: Db, request: Request): Promise<string> {
  const token = await tokenFrom(request);
  if (token) await db.session.deleteMany({ where: { id: hashToken(token) } });
  return sessionCookie().serialize("", { maxAge: 0 });
}

export async function listSessions(db: Db, userId: string) {
  return db.session.findMany({
    where: { userId, expiresAt: { gt: new Date() } },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true },
    orderBy: { lastSeenAt: "desc" },
  });
}

/** Revokes one of the user's own sessions; the user id in `where` keeps others' sessions out of reach. */
export async function revokeSession(db: Db, userId: string, sessionId: string): Promise<boolean> {
  const { count } = await db.session.deleteMany({ where: { id: sessionId, userId } });
  return count === 1;
}
