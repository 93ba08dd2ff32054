import type { Db } from "~/infra/db.server";
import { DEFAULT_LNG, type Lng } from "~/modules/i18n/config";
import { authWords, fill } from "./words";

/**
 * Failure counters for password checks (sign-in and the signing password), one row per key in
 * LoginThrottle. Every try is counted BEFORE its password is checked, inside one transaction
 * that starts with an atomic increment (SET failures = failures + 1): parallel tries cannot
 * read a stale count, on SQLite (one writer) or PostgreSQL (the increment locks the row until
 * commit). Past `free` failures in the window each checked try first sets a back-off
 * (30 s, 60 s, … up to 15 min), so a burst after the limit is refused without checking.
 * See docs/decisions/0010-sign-in-throttle-and-http-guard.md.
 */
export type ThrottleKey = { key: string; free: number };

export const THROTTLE = {
  windowMinutes: 15,
  firstBackoffSeconds: 30,
  maxBackoffSeconds: 15 * 60,
  /** per (username, client address) or per (username, known device) */
  perUserAtAddress: 5,
  /** per username, over all unknown devices and addresses */
  perUser: 20,
  /** per client address, over all usernames (known or not) */
  perAddress: 50,
  /** the signing password, per signed-in user */
  perSigner: 5,
};

export function backoffSeconds(failures: number, free: number): number {
  if (failures < free) return 0;
  const doublings = Math.min(failures - free, 10);
  return Math.min(THROTTLE.firstBackoffSeconds * 2 ** doublings, THROTTLE.maxBackoffSeconds);
}

export type Claim = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one try against each key, in order; refuses (and stops counting further keys) at the
 * first key whose back-off is running. An allowed try at or past a key's limit starts that
 * key's next back-off before the password is checked; a right password clears it (`clear`).
 */
export async function claimTry(db: Db, keys: ThrottleKey[], now = new Date()): Promise<Claim> {
  const cutoff = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  return db.$transaction(async (tx) => {
    // Expired counters start again; old rows of any key go, so the table stays small.
    await tx.loginThrottle.deleteMany({
      where: {
        windowStart: { lt: cutoff },
        OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }],
      },
    });
    for (const { key, free } of keys) {
      const row = await tx.loginThrottle.upsert({
        where: { key },
        create: { key, failures: 1, windowStart: now, lockedUntil: null },
        update: { failures: { increment: 1 } },
        select: { failures: true, lockedUntil: true },
      });
      if (row.lockedUntil && row.lockedUntil > now) {
        const retryAfterSeconds = Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000);
        return { allowed: false, retryAfterSeconds };
      }
      const wait = backoffSeconds(row.failures, free);
      if (wait > 0)
        await tx.loginThrottle.update({
          where: { key },
          data: { lockedUntil: new Date(now.getTime() + wait * 1000) },
          select: { key: true },
        });
    }
    return { allowed: true } as const;
  });
}

/** A right password: this try is taken off the shared counters (it was no guess). */
export async function undoTry(db: Db, keys: string[]) {
  await db.loginThrottle.updateMany({
    where: { key: { in: keys }, failures: { gt: 0 } },
    data: { failures: { decrement: 1 } },
  });
}

export async function clearTries(db: Db, keys: string[]) {
  await db.loginThrottle.deleteMany({ where: { key: { in: keys } } });
}

export async function failuresOf(db: Db, key: string): Promise<number> {
  const row = await db.loginThrottle.findUnique({ where: { key }, select: { failures: true } });
  return row?.failures ?? 0;
}

/** "Too many sign-in (or signing password) attempts; try again in …", in `lng`. */
export function waitMessage(
  seconds: number,
  what: "signIn" | "signing" = "signIn",
  lng: Lng = DEFAULT_LNG,
): string {
  const count = seconds < 60 ? seconds : Math.ceil(seconds / 60);
  const unit = seconds < 60 ? "Seconds" : "Minutes";
  const form = count === 1 ? "one" : "other";
  return fill(authWords(lng).throttle[`${what}${unit}_${form}`], { count });
}
