import { canonicalJson } from "./canonical";

export const GENESIS_HASH = "0".repeat(64);

export type StoredEvent = {
  seq: number;
  at: Date | string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  payload: string;
  prevHash: string;
  hash: string;
};

/** The exact bytes an event's hash covers: the previous hash, a newline, the canonical event. */
export function eventHashInput(
  prevHash: string,
  event: Omit<StoredEvent, "prevHash" | "hash">,
): string {
  const at = typeof event.at === "string" ? new Date(event.at) : event.at;
  // Keys in canonical (sorted) order already: canonicalJson then takes its native fast path.
  const body = canonicalJson({
    action: event.action,
    actorId: event.actorId,
    at,
    entityId: event.entityId,
    entityType: event.entityType,
    payload: JSON.parse(event.payload) as unknown,
    seq: event.seq,
  });
  return `${prevHash}\n${body}`;
}

export function eventHashWith(
  sha256: (text: string) => string,
  prevHash: string,
  event: Omit<StoredEvent, "prevHash" | "hash">,
): string {
  return sha256(eventHashInput(prevHash, event));
}
