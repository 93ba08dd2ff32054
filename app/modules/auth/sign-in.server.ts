import { randomBytes } from "node:crypto";
import type { Db } from "~/infra/db.server";
import { deviceCookie } from "~/infra/session-cookie.server";
import { z } from "~/infra/zod";
import { DEFAULT_LNG, type Lng } from "~/modules/i18n/config";
import { fixedT } from "~/modules/i18n/i18n.server";
import { decoyHash, verifyPassword } from "./password.server";
import { createSession } from "./session.server";
import {
  claimTry,
  clearTries,
  THROTTLE,
  type ThrottleKey,
  undoTry,
  waitMessage,
} from "./throttle.server";

/** The refusals of a sign-in, in `lng` (Chinese by default). */
export const SIGN_IN_MESSAGES = {
  invalid: (lng: Lng = DEFAULT_LNG) => fixedT(lng)("signIn.invalid", { ns: "auth" }),
  wait: (seconds: number, lng: Lng = DEFAULT_LNG) => waitMessage(seconds, "signIn", lng),
};

type SignInResult =
  | { ok: true; setCookie: string; deviceCookie: string }
  | { ok: false; message: string; retryAfterSeconds?: number };

const keyFor = (username: string) => username.trim().toLowerCase();

const DeviceSchema = z.object({
  id: z.string().min(16).max(64),
  users: z.array(z.string()).max(20),
});
type Device = z.infer<typeof DeviceSchema>;

/** The signed device cookie of the request, if any and if its signature holds. */
export async function deviceFrom(cookieHeader: string | null): Promise<Device | null> {
  const value: unknown = await deviceCookie().parse(cookieHeader);
  const parsed = DeviceSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * The throttle keys of one sign-in try. A known device (it signed this user in before) is
 * counted on its own key only; anyone else on (username, address), the username and the address.
 * Unknown usernames count on the address only, so guessing names adds at most one row per address.
 */
export function signInKeys(
  username: string,
  userId: string | null,
  address: string,
  device: Device | null,
): ThrottleKey[] {
  if (userId && device?.users.includes(userId))
    return [{ key: `ud:${username}|${device.id}`, free: THROTTLE.perUserAtAddress }];
  const keys: ThrottleKey[] = [];
  if (userId) {
    keys.push({ key: `ua:${username}|${address}`, free: THROTTLE.perUserAtAddress });
    keys.push({ key: `u:${username}`, free: THROTTLE.perUser });
  }
  keys.push({ key: `a:${address}`, free: THROTTLE.perAddress });
  return keys;
}

export async function signIn(
  db: Db,
  input: {
    username: string;
    password: string;
    userAgent: string | null;
    address?: string;
    cookieHeader?: string | null;
    /** The language of the refusal message. */
    lng?: Lng;
  },
  now = new Date(),
): Promise<SignInResult> {
  const username = keyFor(input.username);
  const address = input.address ?? "unknown";
  const device = await deviceFrom(input.cookieHeader ?? null);
  const user = await db.user.findUnique({
    where: { username },
    select: { id: true, passwordHash: true, active: true },
  });
  const keys = signInKeys(username, user?.id ?? null, address, device);
  const claim = await claimTry(db, keys, now);
  if (!claim.allowed)
    return {
      ok: false,
      message: SIGN_IN_MESSAGES.wait(claim.retryAfterSeconds, input.lng),
      retryAfterSeconds: claim.retryAfterSeconds,
    };
  // Unknown users cost the same scrypt work, so timing does not reveal which usernames exist.
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash()));
  if (!user?.active || !valid) return { ok: false, message: SIGN_IN_MESSAGES.invalid(input.lng) };
  // The own (username, address|device) counter starts again. The shared per-username and
  // per-address counters only lose this try: one right password must not wipe an attacker's count.
  const own = keys.map((k) => k.key).filter((k) => k.startsWith("ua:") || k.startsWith("ud:"));
  await clearTries(db, own);
  await undoTry(
    db,
    keys.map((k) => k.key).filter((k) => !own.includes(k)),
  );
  const known: Device = device ?? { id: randomBytes(16).toString("base64url"), users: [] };
  const users = [user.id, ...known.users.filter((id) => id !== user.id)].slice(0, 20);
  return {
    ok: true,
    setCookie: await createSession(db, user.id, input.userAgent),
    deviceCookie: await deviceCookie().serialize({ id: known.id, users }),
  };
}
