import crypto from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { dbKind } from "~/infra/db.server";
import type { AuditAction, AuditEntity } from "./actions";
import { canonicalJson } from "./canonical";
import { eventHashWith, GENESIS_HASH, type StoredEvent } from "./chain";

export { GENESIS_HASH };

export type AuditInput = {
  actorId: string | null;
  /** One of the typed list (stored as is: the chain's rows never change form). */
  action: AuditAction;
  /** One of the typed list, so that the audit page can name it in either language. */
  entityType: AuditEntity;
  entityId: string;
  data: unknown;
};

/** The advisory lock key that serialises appends to the audit chain on PostgreSQL. */
export const AUDIT_CHAIN_LOCK_KEY = 74_910_001;

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
 * commit together or not at all. SQLite runs one write transaction at a time, keeping the chain linear;
 * on PostgreSQL a transaction-scoped advisory lock does the same for the append (held to commit,
 * so the next writer reads this event as the last). See docs/decisions/0018-postgresql.md.
 */
export async function recordEvent(
  tx: Prisma.TransactionClient,
  input: AuditInput,
  at = new Date(),
) {
  if (dbKind(tx) === "postgres")
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`;
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
