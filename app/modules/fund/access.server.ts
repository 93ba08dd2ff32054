import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { checkSigningPassword } from "~/modules/auth/signing-password.server";

export type Viewer = Actor & { id: string };

/** A contractor's queries carry its organization: a guessed contract id finds nothing. */
export function contractWhere(viewer: Actor, scope: Scope): Prisma.ContractWhereInput {
  return scope === "own" ? { contractorOrgId: viewer.organizationId } : {};
}

/**
 * Signing a payment step is re-entering one's password, as at final acceptance: the same
 * password check (verifyPassword) and the same per-user signing throttle (key sign:<userId>).
 */
export async function confirmPassword(db: Db, userId: string, password: string, now: Date) {
  const check = await checkSigningPassword(db, userId, password, now);
  if (!check.ok) throw check.error;
}
