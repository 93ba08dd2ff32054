import { createHash, randomBytes } from "node:crypto";
import type { Db } from "~/infra/db.server";
import { SESSION_MAX_AGE_SECONDS, sessionCookie } from "~/infra/session-cookie.server";
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

export async function getCurrentUser(db: Db, request: Request): Promise<CurrentUser | null> {
  const token = await tokenFrom(request);
  if (!token) return null;
  const id = hashToken(token);
  const session = await db.session.findUnique({
    where: { id },
    select: {
      id: true,
      expiresAt: true,
      lastSeenAt: true,
      user: {
        select: {
          id: true,
          username: true,
          displayName: true,
          title: true,
          role: true,
          active: true,
          locale: true,
          organizationId: true,
          organization: { select: { name: true, kind: true } },
        },
      },
    },
  });
  if (!session || session.expiresAt <= new Date() || !session.user.active) return null;
  const { user } = session;
  if (!isRole(user.role)) return null;
  if (Date.now() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.session.update({ where: { id }, data: { lastSeenAt: new Date() } });
  }
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    title: user.title,
    role: user.role,
    locale: user.locale,
    organizationId: user.organizationId,
    organizationName: user.organization.name,
    organizationKind: user.organization.kind,
    sessionId: session.id,
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
