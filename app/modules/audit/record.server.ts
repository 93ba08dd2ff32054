import crypto from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { canonicalJson } from "./canonical";
import { eventHashWith, GENESIS_HASH, type StoredEvent } from "./chain";

export { GENESIS_HASH };

export type AuditInput = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: unknown;
};

/** crypto.hash (Node 20.12+) hashes in one call, without a Hash object per event. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: "hex") => string })
  .hash;

export const sha256Hex = oneShot
  ? (text: string) => oneShot("sha256", text, "hex")
  : (text: string) => crypto.createHash("sha256").update(text).digest("hex");

export function eventHash(prevHash: string, event: Omit<StoredEvent, "prevHash" | "hash">): string {
  return eventHashWith(sha256Hex, prevHash, event);
}

/**
 * Appends one event to the chain inside the caller's transaction, so the change and its record
 * commit together or not at all. SQLite runs one write transaction at a time, keeping the chain linear.
 */
export async function recordEvent(
  tx: Prisma.TransactionClient,
  input: AuditInput,
  at = new Date(),
) {
  const last = await tx.auditEvent.findFirst({
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
  const event = {
    seq: (last?.seq ?? 0) + 1,
    at,
    actorId: input.actorId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    payload: canonicalJson(input.data ?? {}),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.auditEvent.create({ data: { ...event, prevHash, hash: eventHash(prevHash, event) } });
  return event.seq;
}

export async function eventsFor(
  tx: Prisma.TransactionClient,
  entityType: string,
  entityId: string,
) {
  return tx.auditEvent.findMany({
    where: { entityType, entityId },
    select: {
      seq: true,
      at: true,
      action: true,
      payload: true,
      actorId: true,
    },
    orderBy: { seq: "asc" },
  });
}
