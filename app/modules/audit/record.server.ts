import { createHash } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { canonicalJson } from "./canonical";

export const GENESIS_HASH = "0".repeat(64);

export type AuditInput = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: unknown;
};

export function eventHash(
  prevHash: string,
  event: {
    seq: number;
    at: Date;
    actorId: string | null;
    action: string;
    entityType: string;
    entityId: string;
    payload: string;
  },
): string {
  const body = canonicalJson({ ...event, payload: JSON.parse(event.payload) as unknown });
  return createHash("sha256").update(`${prevHash}\n${body}`).digest("hex");
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
