import { describe, expect, it } from "vitest";
import { getCurrentUser, listSessions, revokeSession } from "~/modules/auth/session.server";
import { SIGN_IN_MESSAGES, signIn } from "~/modules/auth/sign-in.server";
import { failuresOf, THROTTLE } from "~/modules/auth/throttle.server";
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
    expect(wrong).toEqual({ ok: false, message: SIGN_IN_MESSAGES.invalid() });
    expect(unknown).toEqual({ ok: false, message: SIGN_IN_MESSAGES.invalid() });
  });

  it("counts every one of 40 parallel wrong passwords, and refuses the right one in a burst after the limit", async () => {
    const tries = Array.from({ length: 40 }, () =>
      signIn(db, { username: "jianshe", password: "wrong", userAgent: null, address: "10.0.0.9" }),
    );
    await Promise.all(tries);
    expect(await failuresOf(db, "ua:jianshe|10.0.0.9")).toBe(40);
    // A burst of 25 with the right password in the middle: every one is refused unchecked.
    const burst = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        signIn(db, {
          username: "jianshe",
          password: i === 12 ? DEMO_PASSWORD : "wrong",
          userAgent: null,
          address: "10.0.0.9",
        }),
      ),
    );
    expect(burst.filter((r) => r.ok)).toHaveLength(0);
    expect(burst[12]).toMatchObject({ ok: false, message: expect.stringMatching(/过于频繁/) });
    // The back-off ends: after 15 minutes the right password signs in again.
    const later = new Date(Date.now() + (THROTTLE.maxBackoffSeconds + 1) * 1000);
    const after = await signIn(
      db,
      { username: "jianshe", password: DEMO_PASSWORD, userAgent: null, address: "10.0.0.9" },
      later,
    );
    expect(after.ok).toBe(true);
  });

  it("backs off after 5 wrong tries from one address without locking the user out elsewhere", async () => {
    const attempt = (password: string, address: string) =>
      signIn(db, { username: "jianli", password, userAgent: null, address });
    for (let i = 0; i < THROTTLE.perUserAtAddress; i++)
      expect(await attempt("wrong", "10.0.0.1")).toEqual({
        ok: false,
        message: SIGN_IN_MESSAGES.invalid(),
      });
    // The wait counts down from the 5th failure: a second or two may pass on a busy machine.
    const refused = await attempt(DEMO_PASSWORD, "10.0.0.1");
    if (refused.ok) throw new Error("signed in during the back-off");
    const wait = refused.retryAfterSeconds ?? 0;
    expect(wait).toBeGreaterThan(THROTTLE.firstBackoffSeconds - 5);
    expect(wait).toBeLessThanOrEqual(THROTTLE.firstBackoffSeconds);
    expect(refused.message).toBe(SIGN_IN_MESSAGES.wait(wait));
    expect((await attempt(DEMO_PASSWORD, "10.0.0.2")).ok).toBe(true);
  });

  it("a known device still signs in while an attacker hammers the username from many addresses", async () => {
    const first = await signIn(db, {
      username: "shigong2",
      password: DEMO_PASSWORD,
      userAgent: "tablet",
      address: "10.1.0.1",
    });
    if (!first.ok) throw new Error("sign-in failed");
    const deviceCookie = first.deviceCookie.split(";")[0] ?? "";
    // 12 addresses × 2 wrong tries: over the per-username cap of 20.
    for (let a = 0; a < 12; a++)
      for (let i = 0; i < 2; i++)
        await signIn(db, {
          username: "shigong2",
          password: `guess-${a}-${i}`,
          userAgent: null,
          address: `203.0.113.${a}`,
        });
    const stranger = await signIn(db, {
      username: "shigong2",
      password: DEMO_PASSWORD,
      userAgent: null,
      address: "10.1.0.2",
    });
    expect(stranger).toMatchObject({ ok: false, message: expect.stringMatching(/过于频繁/) });
    const tablet = await signIn(db, {
      username: "shigong2",
      password: DEMO_PASSWORD,
      userAgent: "tablet",
      address: "10.1.0.1",
      cookieHeader: deviceCookie,
    });
    expect(tablet.ok).toBe(true);
    // A forged device cookie is no device.
    const forged = await signIn(db, {
      username: "shigong2",
      password: DEMO_PASSWORD,
      userAgent: null,
      address: "10.1.0.3",
      cookieHeader: deviceCookie.replace(/.$/, "x"),
    });
    expect(forged.ok).toBe(false);
  }, 60_000);

  it("right passwords are no failures: 22 sign-ins in a row (over the caps of 20) all succeed", async () => {
    for (let i = 0; i < 22; i++) {
      const result = await signIn(db, {
        username: "zhujianju",
        password: DEMO_PASSWORD,
        userAgent: null,
        address: "10.2.0.1",
      });
      expect(result.ok).toBe(true);
    }
    expect(await failuresOf(db, "u:zhujianju")).toBe(0);
    expect(await failuresOf(db, "a:10.2.0.1")).toBe(0);
  }, 60_000);

  it("unknown usernames do not grow the throttle table: one row per address", async () => {
    const before = await db.loginThrottle.count();
    for (let i = 0; i < 60; i++)
      await signIn(db, {
        username: `ghost-${i}`,
        password: "wrong",
        userAgent: null,
        address: "198.51.100.7",
      });
    expect((await db.loginThrottle.count()) - before).toBe(1);
    expect(await failuresOf(db, "a:198.51.100.7")).toBe(60);
  }, 60_000);

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
