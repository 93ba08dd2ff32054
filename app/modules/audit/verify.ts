import { eventHashWith, GENESIS_HASH, type StoredEvent } from "./chain";

export type ChainBreak = {
  seq: number;
  kind: "gap" | "link" | "content";
  /** The Chinese record of the break (scripts, logs); pages show audit:chain.<kind> with params. */
  messageZh: string;
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
        params: { expected: expectedSeq, seq: event.seq },
        messageZh: `缺少第 ${expectedSeq} 条操作记录（下一条是第 ${event.seq} 条）：记录被删除或插入`,
        expected: String(expectedSeq),
        actual: String(event.seq),
      };
    }
    if (event.prevHash !== prevHash) {
      return {
        seq: event.seq,
        kind: "link",
        params: { seq: event.seq, previous: event.seq - 1 },
        messageZh: `第 ${event.seq} 条操作记录的前序哈希与第 ${event.seq - 1} 条的哈希不符：链条在此断开`,
        expected: prevHash,
        actual: event.prevHash,
      };
    }
    const recomputed = eventHashWith(sha256, event.prevHash, event);
    if (recomputed !== event.hash) {
      return {
        seq: event.seq,
        kind: "content",
        params: {
          seq: event.seq,
          action: event.action,
          entityType: event.entityType,
          entityId: event.entityId,
        },
        messageZh: `第 ${event.seq} 条操作记录（${event.action} ${event.entityType} ${event.entityId}）的内容在写入后被修改`,
        expected: event.hash,
        actual: recomputed,
      };
    }
    return null;
  }
}
