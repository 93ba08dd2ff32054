import type { TFunction } from "i18next";
import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import type { MessageKey } from "~/locales/resources";
import { recordEvent } from "~/modules/audit/record.server";
import { hashPassword } from "~/modules/auth/password.server";
import { passwordProblem } from "~/modules/auth/password-policy.server";
import type { Role } from "~/modules/auth/permissions";
import { roleFitsOrganization, USERNAME_PATTERN } from "./user-rules";

const refuse = (code: MessageKey, status = 400, field?: string) =>
  new DomainError(code, { status, field });

type Admin = { id: string };

export type UserFields = {
  displayName: string;
  title: string;
  phone: string | null;
  role: Role;
  organizationId: string;
};

const USER_SELECT = {
  id: true,
  username: true,
  displayName: true,
  title: true,
  phone: true,
  role: true,
  active: true,
  organizationId: true,
  createdAt: true,
  organization: { select: { name: true, shortName: true, kind: true } },
} as const;

export async function listUsers(db: Db) {
  return db.user.findMany({
    select: USER_SELECT,
    orderBy: [{ organization: { kind: "asc" } }, { username: "asc" }],
  });
}

export async function getUser(db: Db, userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: USER_SELECT });
}

async function checkFields(db: Db, fields: UserFields) {
  if (!fields.displayName.trim())
    throw refuse("auth:errors.displayNameRequired", 400, "displayName");
  const org = await db.organization.findUnique({
    where: { id: fields.organizationId },
    select: { kind: true },
  });
  if (!org) throw refuse("auth:errors.organizationRequired", 400, "organizationId");
  if (!roleFitsOrganization(fields.role, org.kind))
    throw refuse("auth:errors.roleMismatch", 400, "role");
}

/** The password policy's message is made in the reader's language (`t`), so it travels as a param. */
function checkPassword(
  password: string,
  context: { username?: string; displayName?: string },
  t: TFunction | undefined,
) {
  const problem = passwordProblem(password, context, t);
  if (problem)
    throw new DomainError("auth:errors.password", {
      status: 400,
      params: { problem },
      field: "password",
    });
}

/** Makes an account; the event records who made it with which role, never the password. */
export async function createUser(
  db: Db,
  admin: Admin,
  input: UserFields & { username: string; password: string },
  t?: TFunction,
) {
  const username = input.username.trim();
  if (!USERNAME_PATTERN.test(username))
    throw refuse("auth:errors.usernamePattern", 400, "username");
  await checkFields(db, input);
  checkPassword(input.password, input, t);
  if (await db.user.findUnique({ where: { username }, select: { id: true } }))
    throw refuse("auth:errors.usernameTaken", 409, "username");
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const { password: _password, ...fields } = input;
    const user = await tx.user.create({
      data: { ...fields, username, displayName: fields.displayName.trim(), passwordHash },
      select: { id: true },
    });
    await recordEvent(tx, {
      actorId: admin.id,
      action: "user.create",
      entityType: "User",
      entityId: user.id,
      data: { ...fields, username, displayName: fields.displayName.trim(), active: true },
    });
    return user;
  });
}

/**
 * Changes name, title, phone, role or organization. The event holds each changed field's old
 * and new value; a role or organization change signs the user out everywhere, so the new
 * permissions apply at once.
 */
export async function updateUser(db: Db, admin: Admin, userId: string, fields: UserFields) {
  const before = await db.user.findUnique({
    where: { id: userId },
    select: { displayName: true, title: true, phone: true, role: true, organizationId: true },
  });
  if (!before) throw refuse("auth:errors.userNotFound", 404);
  await checkFields(db, fields);
  const next = { ...fields, displayName: fields.displayName.trim() };
  const changes = Object.fromEntries(
    (Object.keys(next) as (keyof UserFields)[])
      .filter((k) => before[k] !== next[k])
      .map((k) => [k, { from: before[k], to: next[k] }]),
  );
  if (Object.keys(changes).length === 0) return { changed: false };
  if (userId === admin.id && "role" in changes) throw refuse("auth:errors.ownRole", 409, "role");
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: next });
    if ("role" in changes || "organizationId" in changes) {
      await tx.session.deleteMany({ where: { userId } });
      // Inbox lines name the old organization's defects and notices: they go with the old role.
      await tx.notification.deleteMany({ where: { userId } });
    }
    await recordEvent(tx, {
      actorId: admin.id,
      action: "role" in changes || "organizationId" in changes ? "user.permissions" : "user.update",
      entityType: "User",
      entityId: userId,
      data: { changes },
    });
  });
  return { changed: true };
}

/** 停用 / 启用: a deactivated account cannot sign in and its sessions end now. */
export async function setUserActive(db: Db, admin: Admin, userId: string, active: boolean) {
  if (userId === admin.id) throw refuse("auth:errors.ownAccount", 409);
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, active: !active },
      data: { active },
    });
    if (count !== 1)
      throw refuse(active ? "auth:errors.alreadyActive" : "auth:errors.alreadyInactive", 409);
    if (!active) await tx.session.deleteMany({ where: { userId } });
    await recordEvent(tx, {
      actorId: admin.id,
      action: active ? "user.activate" : "user.deactivate",
      entityType: "User",
      entityId: userId,
      data: { active },
    });
  });
}

/** Sets a new password and ends the user's sessions; the event says that it happened, not what. */
export async function resetPassword(
  db: Db,
  admin: Admin,
  userId: string,
  password: string,
  t?: TFunction,
) {
  const target = await db.user.findUnique({
    where: { id: userId },
    select: { username: true, displayName: true },
  });
  checkPassword(password, target ?? {}, t);
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId }, data: { passwordHash } });
    if (count !== 1) throw refuse("auth:errors.userNotFound", 404);
    await tx.session.deleteMany({ where: { userId } });
    await recordEvent(tx, {
      actorId: admin.id,
      action: "user.password_reset",
      entityType: "User",
      entityId: userId,
      data: { sessionsEnded: true },
    });
  });
}
