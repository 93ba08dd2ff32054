import type { Db } from "~/infra/db.server";
import { decoyHash, verifyPassword } from "./password.server";
import { createSession } from "./session.server";

export const SIGN_IN_LIMITS = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 };

export const SIGN_IN_MESSAGES = {
  invalid: "用户名或密码错误",
  locked: (minutes: number) => `登录失败次数过多，请 ${minutes} 分钟后再试`,
};

type SignInResult = { ok: true; setCookie: string } | { ok: false; message: string };

const keyFor = (username: string) => username.trim().toLowerCase();

export async function signIn(
  db: Db,
  input: { username: string; password: string; userAgent: string | null },
  now = new Date(),
): Promise<SignInResult> {
  const key = keyFor(input.username);
  const throttle = await db.loginThrottle.findUnique({ where: { key } });
  if (throttle?.lockedUntil && throttle.lockedUntil > now) {
    const minutes = Math.ceil((throttle.lockedUntil.getTime() - now.getTime()) / 60_000);
    return { ok: false, message: SIGN_IN_MESSAGES.locked(minutes) };
  }

  const user = await db.user.findUnique({
    where: { username: key },
    select: { id: true, passwordHash: true, active: true },
  });
  // Unknown users cost the same scrypt work, so timing does not reveal which usernames exist.
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash()));
  if (!user?.active || !valid) {
    await recordFailure(db, key, throttle, now);
    return { ok: false, message: SIGN_IN_MESSAGES.invalid };
  }
  await db.loginThrottle.deleteMany({ where: { key } });
  return { ok: true, setCookie: await createSession(db, user.id, input.userAgent) };
}

export async function recordFailure(
  db: Db,
  key: string,
  previous: { failures: number; windowStart: Date } | null,
  now: Date,
) {
  const windowMs = SIGN_IN_LIMITS.windowMinutes * 60_000;
  const fresh = !previous || now.getTime() - previous.windowStart.getTime() > windowMs;
  const failures = fresh ? 1 : previous.failures + 1;
  const lockedUntil =
    failures >= SIGN_IN_LIMITS.maxFailures
      ? new Date(now.getTime() + SIGN_IN_LIMITS.lockMinutes * 60_000)
      : null;
  const data = { failures, windowStart: fresh ? now : previous.windowStart, lockedUntil };
  await db.loginThrottle.upsert({ where: { key }, create: { key, ...data }, update: data });
}
