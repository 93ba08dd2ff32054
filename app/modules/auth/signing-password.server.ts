import type { Db } from "~/infra/db.server";
import { verifyPassword } from "./password.server";
import { claimTry, clearTries, THROTTLE, waitMessage } from "./throttle.server";

export type SigningPasswordCheck = { ok: true } | { ok: false; status: 400 | 429; message: string };

/**
 * Re-entering one's password to sign (final acceptance, payment steps…): one check, counted
 * before it is made against the signer's throttle key, as sign-in is (decision 0010).
 */
export async function checkSigningPassword(
  db: Db,
  userId: string,
  password: string,
  now = new Date(),
): Promise<SigningPasswordCheck> {
  const key = `sign:${userId}`;
  const claim = await claimTry(db, [{ key, free: THROTTLE.perSigner }], now);
  if (!claim.allowed)
    return { ok: false, status: 429, message: waitMessage(claim.retryAfterSeconds, "密码验证") };
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true },
  });
  if (!(await verifyPassword(password, user.passwordHash)))
    return { ok: false, status: 400, message: "密码不正确，未签字" };
  await clearTries(db, [key]);
  return { ok: true };
}
