import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import type { MessageKey } from "~/locales/resources";
import { DEFAULT_LNG } from "~/modules/i18n/config";
import { verifyPassword } from "./password.server";
import { claimTry, clearTries, THROTTLE, waitMessage } from "./throttle.server";
import { authWords } from "./words";

/**
 * A refused check carries its DomainError (throw it: the reader's language is chosen when it is
 * shown) and, for callers not yet converted, the Chinese message.
 */
export type SigningPasswordCheck =
  | { ok: true }
  | { ok: false; status: 400 | 429; message: string; error: DomainError };

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
  if (!claim.allowed) {
    const seconds = claim.retryAfterSeconds;
    const minutes = Math.ceil(seconds / 60);
    // A plural key is named by its base (i18next picks _one/_other by count).
    const error =
      seconds < 60
        ? new DomainError("auth:throttle.signingSeconds" as MessageKey, {
            status: 429,
            params: { count: seconds },
          })
        : new DomainError("auth:throttle.signingMinutes" as MessageKey, {
            status: 429,
            params: { count: minutes },
          });
    return { ok: false, status: 429, message: waitMessage(seconds, "signing"), error };
  }
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true },
  });
  if (!(await verifyPassword(password, user.passwordHash)))
    return {
      ok: false,
      status: 400,
      message: authWords(DEFAULT_LNG).signing.wrongPassword,
      error: new DomainError("auth:signing.wrongPassword", { status: 400, field: "password" }),
    };
  await clearTries(db, [key]);
  return { ok: true };
}
