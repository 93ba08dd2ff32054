import { describe, expect, it } from "vitest";
import { verifyDatabase } from "~/modules/audit/verify.server";
import { signIn } from "~/modules/auth/sign-in.server";
import { createUser, resetPassword, setUserActive, updateUser } from "~/modules/org/users.server";
import type { PhotoStorage } from "~/modules/photo/storage.server";
import { testDb } from "../support/test-db";

/** A password-policy refusal: its message (Chinese by default) names the problem. */
const policy = (text: string) => ({
  code: "auth:errors.password",
  params: { problem: expect.stringContaining(text) },
});

describe("user administration: every change audited", () => {
  const db = testDb({ seeded: true });

  async function setup() {
    const admin = await db.user.findUniqueOrThrow({ where: { username: "admin" } });
    const org = (kind: string) =>
      db.organization.findFirstOrThrow({ where: { kind }, select: { id: true } });
    return {
      admin,
      contractorOrg: await org("contractor"),
      supervisorOrg: await org("supervisor"),
    };
  }
  const fields = (organizationId: string) => ({
    displayName: "王建国",
    title: "施工员",
    phone: null,
    role: "contractor" as const,
    organizationId,
  });

  it("creates an account that can sign in, refusing bad usernames, wrong roles and duplicates", async () => {
    const { admin, contractorOrg, supervisorOrg } = await setup();
    const input = { ...fields(contractorOrg.id), username: "wangjg", password: "changeme-2026" };
    const events = await db.auditEvent.count();
    await expect(createUser(db, admin, { ...input, username: "W" })).rejects.toMatchObject({
      code: "auth:errors.usernamePattern",
    });
    await expect(
      createUser(db, admin, { ...input, organizationId: supervisorOrg.id }),
    ).rejects.toMatchObject({ code: "auth:errors.roleMismatch" });
    await expect(createUser(db, admin, { ...input, password: "short" })).rejects.toMatchObject(
      policy("密码至少"),
    );
    expect(await db.auditEvent.count()).toBe(events);
    const user = await createUser(db, admin, input);
    await expect(createUser(db, admin, input)).rejects.toMatchObject({
      code: "auth:errors.usernameTaken",
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: user.id, action: "user.create" },
    });
    expect(event.payload).not.toContain("changeme");
    expect(event.payload).not.toContain("scrypt");
    const result = await signIn(db, {
      username: "wangjg",
      password: input.password,
      userAgent: null,
    });
    expect(result.ok).toBe(true);
  });

  it("records a role change with old and new values and signs the user out everywhere", async () => {
    const { admin, contractorOrg, supervisorOrg } = await setup();
    const user = await createUser(db, admin, {
      ...fields(contractorOrg.id),
      username: "lisi",
      password: "changeme-2026",
    });
    await signIn(db, { username: "lisi", password: "changeme-2026", userAgent: null });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    await db.notification.create({
      data: {
        userId: user.id,
        kind: "defect.assigned",
        text: "NH-QX-009 扶手松动",
        link: "/defects/x",
      },
    });
    await updateUser(db, admin, user.id, {
      ...fields(supervisorOrg.id),
      role: "supervisor",
    });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    // The old organization's inbox lines do not follow the user to the new one.
    expect(await db.notification.count({ where: { userId: user.id } })).toBe(0);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: user.id, action: "user.permissions" },
    });
    expect(JSON.parse(event.payload).changes).toEqual({
      role: { from: "contractor", to: "supervisor" },
      organizationId: { from: contractorOrg.id, to: supervisorOrg.id },
    });
    expect(
      await updateUser(db, admin, user.id, { ...fields(supervisorOrg.id), role: "supervisor" }),
    ).toEqual({
      changed: false,
    });
    await expect(
      updateUser(db, admin, admin.id, { ...fields(contractorOrg.id) }),
    ).rejects.toThrow();
  });

  it("a deactivated account cannot sign in; reset passwords end sessions; the chain verifies", async () => {
    const { admin, contractorOrg } = await setup();
    const user = await createUser(db, admin, {
      ...fields(contractorOrg.id),
      username: "zhaoliu",
      password: "changeme-2026",
    });
    await setUserActive(db, admin, user.id, false);
    const refused = await signIn(db, {
      username: "zhaoliu",
      password: "changeme-2026",
      userAgent: null,
    });
    expect(refused.ok).toBe(false);
    await expect(setUserActive(db, admin, user.id, false)).rejects.toMatchObject({
      code: "auth:errors.alreadyInactive",
    });
    await expect(setUserActive(db, admin, admin.id, false)).rejects.toMatchObject({
      code: "auth:errors.ownAccount",
    });
    await setUserActive(db, admin, user.id, true);
    await signIn(db, { username: "zhaoliu", password: "changeme-2026", userAgent: null });
    // The policy holds wherever a password is set: the username and a NUL are refused on reset.
    await expect(resetPassword(db, admin, user.id, "Zhaoliu-2026-x")).rejects.toMatchObject(
      policy("用户名"),
    );
    await expect(resetPassword(db, admin, user.id, "another\u0000pass-9")).rejects.toMatchObject(
      policy("控制字符"),
    );
    await resetPassword(db, admin, user.id, "another-pass-9");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    const actions = (
      await db.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { seq: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual([
      "user.create",
      "user.deactivate",
      "user.activate",
      "user.password_reset",
    ]);
    const report = await verifyDatabase(db, {} as PhotoStorage);
    expect(report.chainBreak).toBeNull();
  });
});
