import { eventHashWith, GENESIS_HASH, type StoredEvent } from "./chain";

export type ChainBreak = {
  seq: number;
  kind: "gap" | "link" | "content";
  /** What the break is, as a catalogue key (audit:verify.chain.<kind>) worded with params. */
  code: `audit:verify.chain.${"gap" | "link" | "content"}`;
  params: Record<string, string | number>;
  expected: string;
  actual: string;
};

/** Walks the chain in order and reports the first break precisely; null when it is whole. */
export function verifyChain(
  events: Iterable<StoredEvent>,
  sha256: (text: string) => string,
): { count: number; firstBreak: ChainBreak | null } {
  const walker = chainWalker(sha256);
  for (const event of events) {
    const firstBreak = walker.push(event);
    if (firstBreak) return { count: walker.count(), firstBreak };
  }
  return { count: walker.count(), firstBreak: null };
}

/**
 * The same walk one event at a time, for a chain read as a stream: `push` returns the break
 * the event makes, or null; after a break the chain is not followed further.
 */
export function chainWalker(sha256: (text: string) => string) {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  return {
    count: () => count,
    push(event: StoredEvent): ChainBreak | null {
      count += 1;
      const found = check(event);
      if (!found) {
        prevHash = event.hash;
        expectedSeq += 1;
      }
      return found;
    },
  };
  function check(event: StoredEvent): ChainBreak | null {
    if (event.seq !== expectedSeq) {
      return {
        seq: expectedSeq,
        kind: "gap",
        code: "audit:verify.chain.gap",
        params: { expected: expectedSeq, seq: event.seq },
        expected: String(expectedSeq),
        actual: String(event.seq),
      };
    }
    if (event.prevHash !== prevHash) {
      return {
        seq: event.seq,
        kind: "link",
        code: "audit:verify.chain.link",
        params: { seq: event.seq, previous: event.seq - 1 },
        expected: prevHash,
        actual: event.prevHash,
      };
    }
    const recomputed = eventHashWith(sha256, event.prevHash, event);
    if (recomputed !== event.hash) {
      return {
        seq: event.seq,
        kind: "content",
        code: "audit:verify.chain.content",
        params: {
          seq: event.seq,
          action: event.action,
          entityType: event.entityType,
          entityId: event.entityId,
        },
        expected: event.hash,
        actual: recomputed,
      };
    }
    return null;
  }
}
