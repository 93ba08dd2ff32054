import { createHash } from "node:crypto";
import type { Db } from "~/infra/db.server";
import { verifyAcceptances } from "~/modules/acceptance/verify.server";
import {
  type DrawingStorage,
  type DrawingVariant,
  drawingKey,
  drawingStorage,
} from "~/modules/drawing/storage.server";
import { verifyPayments } from "~/modules/fund/verify.server";
import { getLots, lotContentHash, normalizedPoint } from "~/modules/lot/lots.server";
import { type PhotoStorage, photoKey, photoStorage } from "~/modules/photo/storage.server";
import { canonicalJson } from "./canonical";
import { sha256Hex } from "./record.server";
import { type ChainBreak, chainWalker } from "./verify";

export type RecordBreak = {
  entityType: string;
  entityId: string;
  label: string;
  messageZh: string;
};

export type VerificationReport = {
  checkedAt: Date;
  events: number;
  chainBreak: ChainBreak | null;
  signedRecords: number;
  recordBreaks: RecordBreak[];
};

const TRANSITIONS = new Set(["lot.submit", "lot.accept", "lot.reject", "lot.reopen"]);

async function* eventsInOrder(db: Db, batch = 2000) {
  let after = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: batch,
    });
    if (rows.length === 0) return;
    yield* rows;
    after = rows[rows.length - 1]!.seq;
  }
}

/** What the chain says about one lot, kept compactly while the events stream past. */
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

function lotHistoryOf(byLot: Map<string, LotHistory>, lotId: string) {
  let h = byLot.get(lotId);
  if (!h) {
    h = {
      created: false,
      lastStatus: undefined,
      saved: new Map(),
      refs: new Set(),
      records: undefined,
      signedHash: undefined,
      signatures: new Map(),
    };
    byLot.set(lotId, h);
  }
  return h;
}

/** A short stand-in for a value's canonical JSON (SHA-256, base64): ~700k saves fit in memory. */
const digest = (value: unknown) =>
  createHash("sha256").update(canonicalJson(value)).digest("base64");

/** Folds one lot event into its history (the replay verifyLots compares the rows with). */
function foldLotEvent(byLot: Map<string, LotHistory>, e: ChainEvent) {
  if (!e.action.startsWith("lot.")) return;
  const h = lotHistoryOf(byLot, e.entityId);
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

type LotSignatureFields = {
  id: string;
  kind: string;
  signerId: string;
  conclusion: string;
  imageSha256: string;
  foreman?: string | null;
};
const signatureFields = (s: LotSignatureFields) => ({
  id: s.id,
  kind: s.kind,
  signerId: s.signerId,
  conclusion: s.conclusion,
  imageSha256: s.imageSha256,
  foreman: s.foreman ?? null,
});

const LOT_BATCH = 200;

/**
 * Replays each lot's events against its current rows: the status must be where its last
 * transition left it, every entry as last saved, and an accepted lot must still hash to what
 * the supervisor signed. Any direct edit of the database shows up as a difference. Lots are
 * read in batches, so memory stays flat however many there are.
 */
async function verifyLots(db: Db, byLot: Map<string, LotHistory>) {
  const breaks: RecordBreak[] = [];
  let signed = 0;
  const empty = lotHistoryOf(new Map(), "");
  let after: string | undefined;
  for (;;) {
    const ids = await db.inspectionLot.findMany({
      where: after ? { id: { gt: after } } : {},
      select: { id: true },
      orderBy: { id: "asc" },
      take: LOT_BATCH,
    });
    if (ids.length === 0) break;
    after = ids[ids.length - 1]!.id;
    const details = await getLots(
      db,
      ids.map((l) => l.id),
    );
    // Drawn lot signatures: each image still hashes to what was signed.
    const images = await db.lotSignature.findMany({
      where: { lotId: { in: ids.map((l) => l.id) } },
      select: { id: true, imageSha256: true, imagePng: true },
    });
    const badImages = new Set(
      images
        .filter((i) => createHash("sha256").update(i.imagePng).digest("hex") !== i.imageSha256)
        .map((i) => i.id),
    );
    for (const detail of details) {
      const { lot } = detail;
      const history = byLot.get(lot.id) ?? empty;
      const fail = (messageZh: string) =>
        breaks.push({
          entityType: "InspectionLot",
          entityId: lot.id,
          label: `检验批 ${lot.number}`,
          messageZh,
        });
      if (!history.created) fail("没有新建记录：检验批不是通过系统新建的");

      const expectedStatus = history.lastStatus ?? "draft";
      if (lot.status !== expectedStatus) {
        fail(`状态为“${lot.status}”，但操作记录中最后的状态是“${expectedStatus}”：状态被直接修改`);
      }

      const entries = new Map(lot.entries.map((e) => [e.itemId, e]));
      for (const item of lot.template.items) {
        const entry = entries.get(item.id);
        const current = entry
          ? {
              itemId: item.id,
              result: entry.result,
              note: entry.note,
              designValue: entry.designValue,
              points: entry.points.map(normalizedPoint),
            }
          : undefined;
        const saved = history.saved.get(item.id);
        if (digest(current ?? null) !== (saved ?? digest(null))) {
          fail(`检查项目 ${item.code} 的记录与最后一次保存的不一致：检查结果或实测值被直接修改`);
        }
      }

      const currentRefs = lot.drawingRefs.map((r) => r.revisionId).sort();
      if (canonicalJson(currentRefs) !== canonicalJson([...history.refs].sort()))
        fail("依据图纸与操作记录不一致：被直接修改");

      const records = { recordsComplete: lot.recordsComplete, selfCheckNote: lot.selfCheckNote };
      const expectedRecords =
        history.records ?? canonicalJson({ recordsComplete: false, selfCheckNote: null });
      if (canonicalJson(records) !== expectedRecords)
        fail("资料完整情况与操作记录不一致：被直接修改");

      for (const sig of lot.signatures) {
        const recorded = history.signatures.get(sig.id);
        if (recorded !== digest(signatureFields(sig)))
          fail("签字记录与操作记录不一致：签字人、结论或签名图片被直接修改");
        else if (badImages.has(sig.id)) fail("签名图片与签字时的哈希不符：被替换");
      }
      if (lot.status === "accepted") {
        signed += 1;
        const now = lotContentHash(detail);
        if (history.signedHash !== now)
          fail(
            `签认内容哈希不符：签认时 ${String(history.signedHash).slice(0, 16)}…，现在 ${now.slice(0, 16)}…`,
          );
      }
    }
  }
  return { breaks, signed };
}

type ChainEvent = { action: string; entityType: string; entityId: string; payload: string };

/**
 * Replays the status events of one kind of record: each row must have been made through the
 * system, and its status must be the `to` of its last event. A status changed in the database
 * shows up.
 */
function replayStatuses(
  lastTo: ReadonlyMap<string, string>,
  entityType: string,
  rows: readonly { id: string; label: string; status: string }[],
  madeOutsideZh: string,
) {
  const breaks: RecordBreak[] = [];
  for (const { id, label, status } of rows) {
    const expected = lastTo.get(id);
    const fail = (messageZh: string) => breaks.push({ entityType, entityId: id, label, messageZh });
    if (expected === undefined) fail(madeOutsideZh);
    else if (status !== expected)
      fail(`状态为“${status}”，但操作记录中最后的状态是“${expected}”：状态被直接修改`);
  }
  return breaks;
}

/** Folds one event into the last `to` status per record of the replayed kinds. */
function foldStatus(lastTo: Map<string, Map<string, string>>, e: ChainEvent) {
  const kind = lastTo.get(e.entityType);
  if (!kind) return;
  const to = (JSON.parse(e.payload) as { to?: unknown }).to;
  if (typeof to === "string") kind.set(e.entityId, to);
}

async function verifyDefects(db: Db, lastTo: Map<string, Map<string, string>>) {
  const defects = await db.defect.findMany({ select: { id: true, number: true, status: true } });
  const notices = await db.supervisionNotice.findMany({
    select: { id: true, number: true, status: true },
  });
  return [
    ...replayStatuses(
      lastTo.get("Defect")!,
      "Defect",
      defects.map((d) => ({ ...d, label: `质量问题 ${d.number}` })),
      "没有登记记录：质量问题不是通过系统登记的",
    ),
    ...replayStatuses(
      lastTo.get("SupervisionNotice")!,
      "SupervisionNotice",
      notices.map((n) => ({ ...n, label: `监理通知单 ${n.number}` })),
      "没有签发记录：通知单不是通过系统签发的",
    ),
  ];
}

/** Every photo original still hashes to the SHA-256 recorded when it was uploaded. */
async function verifyPhotos(db: Db, storage: PhotoStorage) {
  const breaks: RecordBreak[] = [];
  // Rows of a lot item and of the defect raised from it share one original: hash it once.
  const problems = new Map<string, string | null>();
  let after: string | undefined;
  for (;;) {
    const photos = await db.photo.findMany({
      where: after ? { id: { gt: after } } : {},
      select: {
        id: true,
        sha256: true,
        lot: { select: { number: true } },
        defect: { select: { number: true } },
      },
      orderBy: { id: "asc" },
      take: 1000,
    });
    if (photos.length === 0) break;
    after = photos[photos.length - 1]!.id;
    for (const photo of photos) {
      if (!problems.has(photo.sha256))
        problems.set(photo.sha256, await originalProblem(storage, photo.sha256));
      const problem = problems.get(photo.sha256);
      if (!problem) continue;
      const owner = photo.lot
        ? `（检验批 ${photo.lot.number}）`
        : photo.defect
          ? `（质量问题 ${photo.defect.number}）`
          : "";
      const label = `照片 ${photo.sha256.slice(0, 12)}…${owner}`;
      breaks.push({ entityType: "Photo", entityId: photo.id, label, messageZh: problem });
    }
  }
  return breaks;
}

async function originalProblem(storage: PhotoStorage, sha256: string): Promise<string | null> {
  const actual = await storedSha256(storage, photoKey("original", sha256));
  if (actual === null) return "原图文件缺失";
  return actual === sha256 ? null : `原图内容被修改：现在的 SHA-256 为 ${actual.slice(0, 16)}…`;
}

async function storedSha256(storage: PhotoStorage, key: string): Promise<string | null> {
  const file = await storage.read(key);
  if (!file) return null;
  const hash = createHash("sha256");
  const reader = file.stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) hash.update(r.value);
  return hash.digest("hex");
}

/** Every drawing revision's source file and rendered images still hash to what was recorded. */
async function verifyDrawings(db: Db, storage: DrawingStorage) {
  const breaks: RecordBreak[] = [];
  const revisions = await db.drawingRevision.findMany({
    select: {
      id: true,
      revision: true,
      sourceSha256: true,
      imageSha256: true,
      previewSha256: true,
      sheet: { select: { number: true } },
    },
  });
  const checked = new Map<string, string | null>();
  const names: Record<DrawingVariant, string> = {
    source: "原文件",
    full: "图像",
    preview: "预览图",
  };
  for (const r of revisions) {
    const label = `图纸 ${r.sheet.number} ${r.revision}版`;
    for (const [variant, sha] of [
      ["source", r.sourceSha256],
      ["full", r.imageSha256],
      ["preview", r.previewSha256],
    ] as const) {
      const key = drawingKey(variant, sha);
      if (!checked.has(key)) checked.set(key, await storedSha256(storage, key));
      const actual = checked.get(key);
      if (actual === sha) continue;
      breaks.push({
        entityType: "DrawingRevision",
        entityId: r.id,
        label,
        messageZh:
          actual === null
            ? `${names[variant]}文件缺失`
            : `${names[variant]}内容被修改：现在的 SHA-256 为 ${actual!.slice(0, 16)}…`,
      });
    }
  }
  return breaks;
}

export async function verifyDatabase(
  db: Db,
  storage: PhotoStorage = photoStorage(),
  drawings: DrawingStorage = drawingStorage(),
): Promise<VerificationReport> {
  // One pass over the chain, in batches: the hash walk, and a compact replay of what each
  // lot, defect, notice and acceptance should be; no event is kept once folded in.
  const walker = chainWalker(sha256Hex);
  let chainBreak: ChainBreak | null = null;
  const byLot = new Map<string, LotHistory>();
  const lastTo = new Map([
    ["Defect", new Map<string, string>()],
    ["SupervisionNotice", new Map<string, string>()],
  ]);
  const acceptanceEvents: ChainEvent[] = [];
  const paymentEvents: ChainEvent[] = [];
  for await (const e of eventsInOrder(db)) {
    if (!chainBreak) chainBreak = walker.push(e);
    foldLotEvent(byLot, e);
    foldStatus(lastTo, e);
    if (e.action.startsWith("fund."))
      paymentEvents.push({
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        payload: e.payload,
      });
    if (e.action.startsWith("acceptance."))
      acceptanceEvents.push({
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        payload: e.payload,
      });
  }
  const chain = { count: walker.count(), firstBreak: chainBreak };
  const lots = await verifyLots(db, byLot);
  byLot.clear();
  const defects = await verifyDefects(db, lastTo);
  const photos = await verifyPhotos(db, storage);
  const acceptances = await verifyAcceptances(db, acceptanceEvents);
  const drawingBreaks = await verifyDrawings(db, drawings);
  const payments = await verifyPayments(db, paymentEvents);
  return {
    checkedAt: new Date(),
    events: chain.count,
    chainBreak: chain.firstBreak,
    signedRecords: lots.signed + acceptances.signed + payments.signed,
    recordBreaks: [
      ...lots.breaks,
      ...defects,
      ...photos,
      ...acceptances.breaks,
      ...drawingBreaks,
      ...payments.breaks,
    ],
  };
}

/** The chain as JSON lines, one event each, for offline verification. */
export async function* exportChain(db: Db): AsyncGenerator<string> {
  for await (const e of eventsInOrder(db)) {
    yield `${JSON.stringify({ ...e, at: e.at.toISOString() })}\n`;
  }
}
