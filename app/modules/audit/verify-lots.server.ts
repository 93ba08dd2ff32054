import { createHash } from "node:crypto";
import type { Db } from "~/infra/db.server";
import { readLotRecords, type SqlRows } from "~/modules/lot/lot-read.server";
import {
  type LotRow,
  lotContentHash,
  normalizedPoint,
  templateItems,
  withVerdict,
} from "~/modules/lot/lots.server";
import { canonicalJson } from "./canonical";
import { breakCollector, breakLabel, type RecordBreak } from "./verify-words";

export type { RecordBreak };

/** One event as the replays read it. */
export type ChainEvent = {
  seq: number;
  action: string;
  entityType: string;
  entityId: string;
  payload: string;
};

const TRANSITIONS = new Set(["lot.submit", "lot.accept", "lot.reject", "lot.reopen"]);

/** What the chain says about one lot: folded from its events, kept only while its batch runs. */
type LotHistory = {
  created: boolean;
  lastStatus: string | undefined;
  /** itemId → digest of the canonical JSON of its last saved entry */
  saved: Map<string, string>;
  refs: Set<string>;
  records: string | undefined;
  signedHash: unknown;
  /** LotSignature id → digest of what its event recorded (who, kind, conclusion, image hash) */
  signatures: Map<string, string>;
};

const emptyHistory = (): LotHistory => ({
  created: false,
  lastStatus: undefined,
  saved: new Map(),
  refs: new Set(),
  records: undefined,
  signedHash: undefined,
  signatures: new Map(),
});

/** A short stand-in for a value's canonical JSON (SHA-256, base64). */
const digest = (value: unknown) =>
  createHash("sha256").update(canonicalJson(value)).digest("base64");
const NULL_DIGEST = digest(null);

/** Folds one lot event (action lot.*) into its lot's history. */
function foldLotEvent(byLot: Map<string, LotHistory>, e: ChainEvent) {
  if (!e.action.startsWith("lot.")) return;
  let h = byLot.get(e.entityId);
  if (!h) {
    h = emptyHistory();
    byLot.set(e.entityId, h);
  }
  const payload = JSON.parse(e.payload) as Record<string, unknown>;
  if (e.action === "lot.create") h.created = true;
  if (TRANSITIONS.has(e.action)) h.lastStatus = payload.to as string | undefined;
  if (e.action === "lot.accept") h.signedHash = payload.contentHash;
  if (e.action === "lot.entry.save") h.saved.set(String(payload.itemId), digest(payload));
  if (e.action === "lot.drawing.add") h.refs.add(String(payload.revisionId));
  if (e.action === "lot.drawing.remove") h.refs.delete(String(payload.revisionId));
  if (e.action === "lot.records.save") h.records = canonicalJson(payload);
  const sig = payload.signature as LotSignatureFields | undefined;
  if (TRANSITIONS.has(e.action) && sig?.id) h.signatures.set(sig.id, digest(signatureFields(sig)));
}

/** normalizedPoint with its keys in canonical order (canonicalJson's fast path). */
function sortedPoint(p: LotRow["entries"][number]["points"][number]) {
  const { value, serious, text, design, was, removed } = normalizedPoint(p) as ReturnType<
    typeof normalizedPoint
  > & { text?: string; design?: number; was?: unknown[]; removed?: boolean };
  return {
    ...(design !== undefined ? { design } : {}),
    ...(removed ? { removed } : {}),
    serious,
    ...(text !== undefined ? { text } : {}),
    value,
    ...(was !== undefined ? { was } : {}),
  };
}

/** What a lot signature's event recorded and its row must still say (decision 0016). */
type LotSignatureFields = {
  id: string;
  kind: string;
  signerId: string;
  conclusion: string;
  imageSha256: string;
  foreman?: string | null;
};
const signatureFields = (s: LotSignatureFields) => ({
  conclusion: s.conclusion,
  foreman: s.foreman ?? null,
  id: s.id,
  imageSha256: s.imageSha256,
  kind: s.kind,
  signerId: s.signerId,
});

const LOT_BATCH = 500;
const marks = (n: number) => Array.from({ length: n }, () => "?").join(",");

/**
 * Replays each lot's events against its current rows: the status must be where its last
 * transition left it, every entry as last saved, and an accepted lot must still hash to what
 * the supervisor signed. Any direct edit of the database shows up as a difference.
 *
 * Lots are read in id order, LOT_BATCH at a time, each batch with its events (by the
 * entityType/entityId index, in chain order), so memory holds one batch whatever the size.
 * `stray` are lot.* events recorded under another entity type (none in a sound chain), which
 * the index read would miss: they are merged in by seq, so the replay sees every lot event.
 */
export async function verifyLots(db: Db, run: SqlRows, stray: readonly ChainEvent[]) {
  const breaks: RecordBreak[] = [];
  const breakOf = breakCollector(breaks, "InspectionLot");
  let signed = 0;
  let after = "";
  for (;;) {
    const ids = (
      await run("SELECT id FROM InspectionLot WHERE id > ? ORDER BY id LIMIT ?", [after, LOT_BATCH])
    ).map((r) => r.id as string);
    if (ids.length === 0) break;
    after = ids[ids.length - 1]!;
    const [lots, events, images] = await Promise.all([
      readLotRecords(run, ids),
      run(
        `SELECT seq, action, entityType, entityId, payload FROM AuditEvent
         WHERE entityType = 'InspectionLot' AND entityId IN (${marks(ids.length)}) ORDER BY seq`,
        ids,
      ) as Promise<ChainEvent[]> | ChainEvent[],
      // Drawn lot signatures: each image must still hash to what was signed.
      run(
        `SELECT id, imageSha256, imagePng FROM LotSignature WHERE lotId IN (${marks(ids.length)})`,
        ids,
      ),
    ]);
    const badImages = new Set(
      images
        .filter(
          (i) =>
            createHash("sha256")
              .update(i.imagePng as Uint8Array)
              .digest("hex") !== i.imageSha256,
        )
        .map((i) => i.id as string),
    );
    const inBatch = new Set(ids);
    const own = stray.filter((e) => inBatch.has(e.entityId));
    const ordered = own.length > 0 ? [...events, ...own].sort((a, b) => a.seq - b.seq) : events;
    const byLot = new Map<string, LotHistory>();
    for (const e of ordered) foldLotEvent(byLot, e);
    for (const base of lots) {
      const lot: LotRow = {
        ...base,
        template: { ...base.template, items: await templateItems(db, base.template.id) },
      };
      const history = byLot.get(lot.id) ?? emptyHistory();
      const fail = breakOf(lot.id, breakLabel.lot(lot.number));
      if (!history.created) fail("audit:verify.lot.notCreated");

      const expectedStatus = history.lastStatus ?? "draft";
      if (lot.status !== expectedStatus) {
        fail("audit:verify.statusChanged", { status: lot.status, expected: expectedStatus });
      }

      const entries = new Map(lot.entries.map((e) => [e.itemId, e]));
      for (const item of lot.template.items) {
        const entry = entries.get(item.id);
        const current = entry
          ? digest({
              designValue: entry.designValue,
              itemId: item.id,
              note: entry.note,
              points: entry.points.map(sortedPoint),
              result: entry.result,
            })
          : NULL_DIGEST;
        if (current !== (history.saved.get(item.id) ?? NULL_DIGEST)) {
          fail("audit:verify.lot.entryChanged", { item: item.code });
        }
      }

      const currentRefs = lot.drawingRefs.map((r) => r.revisionId).sort();
      if (canonicalJson(currentRefs) !== canonicalJson([...history.refs].sort()))
        fail("audit:verify.lot.drawingsChanged");

      const records = { recordsComplete: lot.recordsComplete, selfCheckNote: lot.selfCheckNote };
      const expectedRecords =
        history.records ?? canonicalJson({ recordsComplete: false, selfCheckNote: null });
      if (canonicalJson(records) !== expectedRecords) fail("audit:verify.lot.recordsChanged");

      for (const sig of lot.signatures) {
        const recorded = history.signatures.get(sig.id);
        if (recorded !== digest(signatureFields(sig))) fail("audit:verify.lot.signatureChanged");
        else if (badImages.has(sig.id)) fail("audit:verify.lot.signatureImage");
      }
      if (lot.status === "accepted") {
        signed += 1;
        // The verdict is part of what was signed: computed for accepted lots only.
        const now = lotContentHash(withVerdict(lot));
        if (history.signedHash !== now)
          fail("audit:verify.lot.hashMismatch", {
            signed: String(history.signedHash).slice(0, 16),
            now: now.slice(0, 16),
          });
      }
    }
  }
  return { breaks, signed };
}
