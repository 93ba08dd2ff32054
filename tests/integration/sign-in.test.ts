import { describe, expect, it } from "vitest";
import { getCurrentUser, listSessions, revokeSession } from "~/modules/auth/session.server";
import { SIGN_IN_LIMITS, SIGN_IN_MESSAGES, signIn } from "~/modules/auth/sign-in.server";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-data";
import { testDb } from "../support/test-db";

const requestWith = (setCookie: string) =>
  new Request("http://localhost/", { headers: { Cookie: setCookie.split(";")[0] ?? "" } });

describe("sign-in", () => {
  const db = testDb({ seeded: true });

  it("signs in with the right password and sets an httpOnly, SameSite cookie holding only a token", async () => {
    const result = await signIn(db, {
      username: "jianli",
      password: DEMO_PASSWORD,
      userAgent: "test",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.setCookie).toMatch(/HttpOnly/);
    expect(result.setCookie).toMatch(/SameSite=Lax/);
    expect(result.setCookie).not.toMatch(/jianli/);
    const user = await getCurrentUser(db, requestWith(result.setCookie));
    expect(user).toMatchObject({
      username: "jianli",
      role: "supervisor",
      organizationName: "贵州正衡工程建设监理有限公司",
    });
  });

  it("accepts the username in any case and with surrounding spaces", async () => {
    const result = await signIn(db, {
      username: "  JianLi ",
      password: DEMO_PASSWORD,
      userAgent: null,
    });
    expect(result.ok).toBe(true);
  });

  it("answers a wrong password and an unknown user with the same message", async () => {
    const wrong = await signIn(db, { username: "shigong1", password: "nope", userAgent: null });
    const unknown = await signIn(db, { username: "nobody", password: "nope", userAgent: null });
    expect(wrong).toEqual({ ok: false, message: SIGN_IN_MESSAGES.invalid });
    expect(unknown).toEqual({ ok: false, message: SIGN_IN_MESSAGES.invalid });
  });

  it("locks a username after repeated failures, even with the right password, and for unknown names too", async () => {
    for (const username of ["jianshe", "ghost"]) {
      for (let i = 0; i < SIGN_IN_LIMITS.maxFailures; i++) {
        await signIn(db, { username, password: "wrong", userAgent: null });
      }
      const next = await signIn(db, { username, password: DEMO_PASSWORD, userAgent: null });
      expect(next).toEqual({
        ok: false,
        message: SIGN_IN_MESSAGES.locked(SIGN_IN_LIMITS.lockMinutes),
      });
    }
    const later = new Date(Date.now() + (SIGN_IN_LIMITS.lockMinutes + 1) * 60_000);
    const afterLock = await signIn(
      db,
      { username: "jianshe", password: DEMO_PASSWORD, userAgent: null },
      later,
    );
    expect(afterLock.ok).toBe(true);
  });

  it("revokes a session server-side: the same cookie no longer signs anyone in", async () => {
    const result = await signIn(db, {
      username: "sheji",
      password: DEMO_PASSWORD,
      userAgent: "tablet",
    });
    if (!result.ok) throw new Error("sign-in failed");
    const user = await getCurrentUser(db, requestWith(result.setCookie));
    if (!user) throw new Error("no user");
    expect((await listSessions(db, user.id)).map((s) => s.id)).toContain(user.sessionId);
    expect(await revokeSession(db, "someone-else", user.sessionId)).toBe(false);
    expect(await revokeSession(db, user.id, user.sessionId)).toBe(true);
    expect(await getCurrentUser(db, requestWith(result.setCookie))).toBeNull();
  });

  it("rejects an expired session and a forged cookie", async () => {
    const result = await signIn(db, {
      username: "anhua",
      password: DEMO_PASSWORD,
      userAgent: null,
    });
    if (!result.ok) throw new Error("sign-in failed");
    const user = await getCurrentUser(db, requestWith(result.setCookie));
    await db.session.update({
      where: { id: user?.sessionId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await getCurrentUser(db, requestWith(result.setCookie))).toBeNull();
    expect(await getCurrentUser(db, requestWith("yanshou_session=abc.def"))).toBeNull();
  });
});
