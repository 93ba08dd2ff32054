import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";

/** A tablet's outbox command as it reaches a write function: its idempotency key and base version. */
export type OfflineCommand = { key: string; baseVersion: string | null };

/** The key's form: the tablet makes it with crypto.randomUUID(). */
export const COMMAND_KEY = /^[A-Za-z0-9-]{8,64}$/;

/**
 * Whether this user's command with this key was already applied (a replay): the lot it was
 * applied to, or null. A key is one command: the same key sent for another lot is refused.
 */
export async function commandAppliedTo(
  db: Db,
  userId: string,
  key: string,
): Promise<string | null> {
  const row = await db.commandReceipt.findUnique({
    where: { userId_key: { userId, key } },
    select: { lotId: true },
  });
  return row?.lotId ?? null;
}

/** Inside the write's transaction: the receipt that makes a replay of the key change nothing. */
export async function recordCommand(
  tx: Prisma.TransactionClient,
  userId: string,
  lotId: string,
  kind: string,
  command: OfflineCommand,
) {
  await tx.commandReceipt.create({
    data: { userId, key: command.key, lotId, kind, baseVersion: command.baseVersion },
    select: { key: true },
  });
}
