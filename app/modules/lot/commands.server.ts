import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { isUniqueViolation } from "~/infra/db-errors";
import { DomainError } from "~/infra/domain-error";

/**
 * What a write was based on. A tablet's outbox command carries an idempotency key (`key`) and
 * the lot state it was recorded against (`baseVersion`); a command or a plain form post may carry
 * the item's version as the page showed it (`itemVersion`): then the write applies only if the
 * item is still at that version or already reads as the write would make it (decision 0028).
 */
export type OfflineCommand = {
  key?: string | null;
  baseVersion?: string | null;
  itemVersion?: number | null;
  /**
   * The page's own post, sent online with a key (its answer may be lost and the tap queued with
   * the same key): a receipt for the key, but no check against the state it was recorded on.
   */
  online?: boolean;
};

/** The key's form: the tablet makes it with crypto.randomUUID(). */
export const COMMAND_KEY = /^[A-Za-z0-9-]{8,64}$/;

/** An item version as a form field carries it: a whole number, else null (not given). */
export function parseItemVersion(value: unknown): number | null | "invalid" {
  if (value === null || value === undefined || value === "") return null;
  const text = String(value);
  if (!/^\d{1,9}$/.test(text)) return "invalid";
  return Number(text);
}

/**
 * Whether this user's command with this key was already applied (a replay): the lot and item it
 * was applied to and the item version it produced, or null. A key is one command: the same key
 * sent for another lot or item is refused.
 */
export async function commandApplied(
  db: Db | Prisma.TransactionClient,
  userId: string,
  key: string,
): Promise<{
  lotId: string;
  kind: string;
  itemId: string | null;
  version: number | null;
  subjectId: string | null;
  baseVersion: string | null;
} | null> {
  return db.commandReceipt.findUnique({
    where: { userId_key: { userId, key } },
    select: {
      lotId: true,
      kind: true,
      itemId: true,
      version: true,
      subjectId: true,
      baseVersion: true,
    },
  });
}

/**
 * Whether a receipt is for another command than the one now sent with its key: both name the
 * state they were made on, and the states differ (a key kept by a page across two rounds).
 */
export function otherBase(receipt: { baseVersion: string | null }, baseVersion: string | null) {
  return (
    receipt.baseVersion !== null && baseVersion !== null && receipt.baseVersion !== baseVersion
  );
}

/** Inside the write's transaction: the receipt that makes a replay of the key change nothing. */
export async function recordCommand(
  tx: Prisma.TransactionClient,
  userId: string,
  lotId: string,
  kind: string,
  command: OfflineCommand & { key: string },
  itemId: string,
  version: number,
) {
  await tx.commandReceipt.create({
    data: {
      userId,
      key: command.key,
      lotId,
      kind,
      itemId,
      baseVersion: command.baseVersion ?? null,
      version,
    },
    select: { key: true },
  });
}

/**
 * After a command's apply failed: the receipt a concurrent send of the same key (an answer lost, a
 * retry) wrote meanwhile, so the failure is that send's replay; null when the failure is its own.
 */
export async function receiptOfConcurrentSend(db: Db, userId: string, key: string, error: unknown) {
  return error instanceof DomainError || isUniqueViolation(error)
    ? commandApplied(db, userId, key)
    : null;
}
