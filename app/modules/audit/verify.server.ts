import Database from "better-sqlite3";
import { type Db, databasePathOf } from "~/infra/db.server";
import { verifyAcceptances } from "~/modules/acceptance/verify.server";
import {
  type DrawingStorage,
  type DrawingVariant,
  drawingKey,
  drawingStorage,
} from "~/modules/drawing/storage.server";
import { verifyPayments } from "~/modules/fund/verify.server";
import { type SqlRows, toDate } from "~/modules/lot/lot-read.server";
import { prismaRows } from "~/modules/lot/lots.server";
import {
  type PhotoStorage,
  photoKey,
  photoStorage,
  storedSha256,
} from "~/modules/photo/storage.server";
import type { StoredEvent } from "./chain";
import { sha256Hex } from "./record.server";
import { type ChainBreak, chainWalker } from "./verify";
import { type ChainEvent, verifyLots } from "./verify-lots.server";
import { breakCollector, breakLabel, type Message, type RecordBreak } from "./verify-words";

export type { RecordBreak };

export type VerificationReport = {
  checkedAt: Date;
  events: number;
  chainBreak: ChainBreak | null;
  signedRecords: number;
  recordBreaks: RecordBreak[];
};

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

type StoredRow = Omit<StoredEvent, "at"> & { at: unknown };

const EVENTS_SQL =
  "SELECT seq, at, actorId, action, entityType, entityId, payload, prevHash, hash FROM AuditEvent";

/**
 * Calls `each` with the chain's rows in seq order. With the database file at hand, one
 * read-only better-sqlite3 statement iterated row by row (synchronously: no promise per row);
 * otherwise keyset pages through the client.
 */
async function forEachEvent(
  sql: Database.Database | null,
  run: SqlRows,
  each: (row: StoredRow) => void,
) {
  if (sql) {
    for (const row of sql.prepare(`${EVENTS_SQL} ORDER BY seq`).iterate()) each(row as StoredRow);
    return;
  }
  let after = 0;
  for (;;) {
    const rows = (await run(`${EVENTS_SQL} WHERE seq > ? ORDER BY seq LIMIT 2000`, [
      after,
    ])) as StoredRow[];
    if (rows.length === 0) return;
    for (const row of rows) each(row);
    after = Number(rows[rows.length - 1]!.seq);
  }
}

/**
 * Replays the status events of one kind of record: each row must have been made through the
 * system, and its status must be the `to` of its last event. A status changed in the database
 * shows up.
 */
function replayStatuses(
  lastTo: ReadonlyMap<string, string>,
  entityType: string,
  rows: readonly { id: string; label: Message; status: string }[],
  madeOutside: string,
) {
  const breaks: RecordBreak[] = [];
  const breakOf = breakCollector(breaks, entityType);
  for (const { id, label, status } of rows) {
    const expected = lastTo.get(id);
    const fail = breakOf(id, label);
    if (expected === undefined) fail(madeOutside);
    else if (status !== expected) fail("audit:verify.statusChanged", { status, expected });
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

async function verifyDefects(run: SqlRows, lastTo: Map<string, Map<string, string>>) {
  const defects = (await run("SELECT id, number, status FROM Defect", [])) as {
    id: string;
    number: string;
    status: string;
  }[];
  const notices = (await run("SELECT id, number, status FROM SupervisionNotice", [])) as {
    id: string;
    number: string;
    status: string;
  }[];
  return [
    ...replayStatuses(
      lastTo.get("Defect")!,
      "Defect",
      defects.map((d) => ({ ...d, label: breakLabel.defect(d.number) })),
      "audit:verify.defect.notRaised",
    ),
    ...replayStatuses(
      lastTo.get("SupervisionNotice")!,
      "SupervisionNotice",
      notices.map((n) => ({ ...n, label: breakLabel.notice(n.number) })),
      "audit:verify.notice.notIssued",
    ),
  ];
}

/** Every photo original still hashes to the SHA-256 recorded when it was uploaded. */
async function verifyPhotos(run: SqlRows, storage: PhotoStorage) {
  const breaks: RecordBreak[] = [];
  // Rows of a lot item and of the defect raised from it share one original: hash it once.
  const problems = new Map<string, Message | null>();
  let after = "";
  for (;;) {
    const photos = (await run(
      `SELECT p.id, p.sha256, l.number AS lotNumber, d.number AS defectNumber FROM Photo p
       LEFT JOIN InspectionLot l ON l.id = p.lotId LEFT JOIN Defect d ON d.id = p.defectId
       WHERE p.id > ? ORDER BY p.id LIMIT 1000`,
      [after],
    )) as { id: string; sha256: string; lotNumber: string | null; defectNumber: string | null }[];
    if (photos.length === 0) break;
    after = photos[photos.length - 1]!.id;
    for (const photo of photos) {
      if (!problems.has(photo.sha256))
        problems.set(photo.sha256, await originalProblem(storage, photo.sha256));
      const problem = problems.get(photo.sha256);
      if (!problem) continue;
      const label = breakLabel.photo(
        photo.sha256.slice(0, 12),
        photo.lotNumber,
        photo.defectNumber,
      );
      breaks.push({ entityType: "Photo", entityId: photo.id, label, ...problem });
    }
  }
  return breaks;
}

async function originalProblem(storage: PhotoStorage, sha256: string): Promise<Message | null> {
  const actual = await storedSha256(storage, photoKey("original", sha256));
  if (actual === null) return { code: "audit:verify.photo.missing", params: {} };
  return actual === sha256
    ? null
    : { code: "audit:verify.photo.altered", params: { actual: actual.slice(0, 16) } };
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
  for (const r of revisions) {
    const label = breakLabel.drawing(r.sheet.number, r.revision);
    for (const [variant, sha] of [
      ["source", r.sourceSha256],
      ["full", r.imageSha256],
      ["preview", r.previewSha256],
    ] as const) {
      // A revision not rendered yet (or whose rendering failed) has no images to check.
      if (sha === null) continue;
      const key = drawingKey(variant, sha);
      if (!checked.has(key)) checked.set(key, await storedSha256(storage, key));
      const actual = checked.get(key);
      if (actual === sha) continue;
      breaks.push({
        entityType: "DrawingRevision",
        entityId: r.id,
        label,
        ...drawingProblem(variant, actual ?? null),
      });
    }
  }
  return breaks;
}

function drawingProblem(variant: DrawingVariant, actual: string | null): Message {
  return actual === null
    ? { code: `audit:verify.drawing.missing.${variant}`, params: {} }
    : { code: `audit:verify.drawing.altered.${variant}`, params: { actual: actual.slice(0, 16) } };
}

/**
 * Verifies the chain and every record against it, read-only. With the database file at hand
 * (a client made by createDb) the big reads go through one read-only better-sqlite3
 * connection inside one read transaction (a consistent snapshot): the chain streamed row by row
 * and hashed as it passes, lots replayed in batches with their own events. Memory holds the
 * last status per defect and notice and one batch of lots, not the chain.
 */
export async function verifyDatabase(
  db: Db,
  storage: PhotoStorage = photoStorage(),
  drawings: DrawingStorage = drawingStorage(),
): Promise<VerificationReport> {
  const file = databasePathOf(db);
  const sql = file ? new Database(file, { readonly: true, fileMustExist: true }) : null;
  try {
    if (sql) sql.exec("BEGIN");
    return await verifyWith(db, sql, sql ? sqliteRows(sql) : prismaRows(db), storage, drawings);
  } finally {
    if (sql) {
      sql.exec("COMMIT");
      sql.close();
    }
  }
}

/** Prepared statements reused by their text: the batch reads repeat a few shapes many times. */
function sqliteRows(sql: Database.Database): SqlRows {
  const statements = new Map<string, Database.Statement>();
  return (text, params) => {
    let stmt = statements.get(text);
    if (!stmt) {
      stmt = sql.prepare(text);
      statements.set(text, stmt);
    }
    return stmt.all(...params) as Record<string, unknown>[];
  };
}

async function verifyWith(
  db: Db,
  sql: Database.Database | null,
  run: SqlRows,
  storage: PhotoStorage,
  drawings: DrawingStorage,
): Promise<VerificationReport> {
  // One pass over the chain: the hash walk, the last status of each defect and notice, and the
  // few acceptance and payment events; lot events are read again per batch of lots.
  const walker = chainWalker(sha256Hex);
  let chainBreak: ChainBreak | null = null;
  const lastTo = new Map([
    ["Defect", new Map<string, string>()],
    ["SupervisionNotice", new Map<string, string>()],
  ]);
  const acceptanceEvents: ChainEvent[] = [];
  const paymentEvents: ChainEvent[] = [];
  const strayLotEvents: ChainEvent[] = [];
  await forEachEvent(sql, run, (row) => {
    const e: StoredEvent = { ...row, seq: Number(row.seq), at: toDate(row.at) };
    if (!chainBreak) chainBreak = walker.push(e);
    foldStatus(lastTo, e);
    const kept = () => ({
      seq: e.seq,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      payload: e.payload,
    });
    if (e.action.startsWith("fund.")) paymentEvents.push(kept());
    if (e.action.startsWith("acceptance.")) acceptanceEvents.push(kept());
    if (e.action.startsWith("lot.") && e.entityType !== "InspectionLot")
      strayLotEvents.push(kept());
  });
  const chain = { count: walker.count(), firstBreak: chainBreak };
  const lots = await verifyLots(db, run, strayLotEvents);
  const defects = await verifyDefects(run, lastTo);
  lastTo.clear();
  const photos = await verifyPhotos(run, storage);
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
