import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { checkSigningPassword } from "~/modules/auth/signing-password.server";
import { formatQuantity } from "./money";
import type { Gap } from "./rules";

export type Viewer = Actor & { id: string };

export class FundError extends Error {
  constructor(
    message: string,
    readonly status = 400,
    readonly gaps: Gap[] = [],
  ) {
    super(message);
  }
}

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
  if (!check.ok) throw new FundError(check.message, check.status);
}

/** A refused step as the UI shows it: the message and the gaps, quantities as text. */
export function fundErrorView(error: FundError) {
  const q = (milli: number) => formatQuantity(milli);
  return {
    ok: false as const,
    message: error.message,
    gaps: error.gaps.map((g) => ({
      code: g.code,
      name: g.name,
      unit: g.unit,
      claimed: q(g.milli),
      accepted: q(g.acceptedMilli),
      prior: q(g.priorMilli),
      available: q(g.availableMilli),
      gap: q(g.gapMilli),
    })),
  };
}
