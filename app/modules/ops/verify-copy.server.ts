/**
 * Proof that a copy is identical: per table the row count and an order-independent hash of
 * canonical row texts, computed on the SQLite source and on the PostgreSQL target; per stored
 * file the SHA-256 of its bytes at the source and at the target.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import type Database from "better-sqlite3";
import pg from "pg";
import { LocalPhotoStorage, type PhotoStorage, storedSha256 } from "~/modules/photo/storage.server";
import type { PgTable } from "./pg-catalog.server";
import { canonical, TableHash } from "./values";

export type TableCheck = {
  table: string;
  sourceRows: number;
  targetRows: number;
  sourceHash: string;
  targetHash: string;
};

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A pg client that returns timestamps as their text (no local-time Date conversion). */
export function rawPgClient(url: string): pg.Client {
  const raw = (text: string) => text;
  return new pg.Client({
    connectionString: url,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === 1114 || oid === 1184
          ? raw
          : pg.types.getTypeParser(oid, format ?? "text")) as typeof pg.types.getTypeParser,
    },
  });
}

export function sqliteTableHash(source: Database.Database, t: PgTable): TableHash {
  const hash = new TableHash();
  const stmt = source.prepare(
    `SELECT ${t.columns.map((c) => q(c.name)).join(", ")} FROM ${q(t.name)}`,
  );
  stmt.safeIntegers(true);
  stmt.raw(true);
  for (const row of stmt.iterate() as Iterable<unknown[]>)
    hash.add(row.map((v, i) => canonical(v, t.columns[i]!.type)));
  return hash;
}

/** Streams the table through a cursor (bounded memory), hashing as rows pass. */
export async function pgTableHash(c: pg.Client, t: PgTable): Promise<TableHash> {
  const hash = new TableHash();
  await c.query("BEGIN READ ONLY");
  try {
    await c.query(
      `DECLARE rows_cursor NO SCROLL CURSOR FOR SELECT ${t.columns.map((col) => q(col.name)).join(", ")} FROM ${q(t.name)}`,
    );
    for (;;) {
      const page = await c.query({ text: "FETCH 2000 FROM rows_cursor", rowMode: "array" });
      if (page.rows.length === 0) break;
      for (const row of page.rows as unknown[][])
        hash.add(row.map((v, i) => canonical(v, t.columns[i]!.type)));
    }
  } finally {
    await c.query("COMMIT");
  }
  return hash;
}

export async function compareTables(
  source: Database.Database,
  target: pg.Client,
  tables: PgTable[],
): Promise<TableCheck[]> {
  const out: TableCheck[] = [];
  for (const t of tables) {
    const s = sqliteTableHash(source, t);
    const d = await pgTableHash(target, t);
    out.push({
      table: t.name,
      sourceRows: s.rows,
      targetRows: d.rows,
      sourceHash: s.hex(),
      targetHash: d.hex(),
    });
  }
  return out;
}

export type FileStore = {
  name: string;
  source: PhotoStorage;
  target: PhotoStorage;
  variants: readonly string[];
};
export type FileProblem = { store: string; key: string; problem: string };
export type FileTally = { files: number; bytes: number; copied: number; problems: FileProblem[] };

/**
 * Every file under the source stores: copied to the target when `copy` (skipped when it is
 * already there) and then hashed on both sides. Content-addressed names are also checked
 * against the bytes (a file's name is its SHA-256).
 */
export async function copyAndCheckFiles(
  stores: FileStore[],
  opts: { copy: boolean; progress?: (line: string) => void },
): Promise<FileTally> {
  const tally: FileTally = { files: 0, bytes: 0, copied: 0, problems: [] };
  for (const store of stores) {
    for (const variant of store.variants) {
      for await (const key of store.source.keys(variant)) {
        const problem = (p: string) => tally.problems.push({ store: store.name, key, problem: p });
        const copied = await copyOne(store, key, opts.copy);
        if (!copied) {
          problem("source file vanished while copying");
          continue;
        }
        tally.files++;
        tally.bytes += copied.size;
        if (copied.created) tally.copied++;
        const sourceHash = copied.sha256;
        const named = key.split("/").at(-1)!;
        if (/^[0-9a-f]{64}$/.test(named) && named !== sourceHash)
          problem(`source bytes do not match the name (sha256 ${sourceHash.slice(0, 16)}…)`);
        const targetHash = await storedSha256(store.target, key);
        if (targetHash === null) problem("missing at the target");
        else if (targetHash !== sourceHash)
          problem(`differs at the target (sha256 ${targetHash.slice(0, 16)}…)`);
        if (tally.files % 500 === 0) opts.progress?.(`files: ${tally.files}`);
      }
    }
  }
  return tally;
}

/**
 * Hashes one source file and, when `copy`, stores it at the target. A file of a folder store is
 * streamed (putFile): an original is never held whole in memory on its way to a bucket.
 */
async function copyOne(
  store: FileStore,
  key: string,
  copy: boolean,
): Promise<{ sha256: string; size: number; created: boolean } | null> {
  if (store.source instanceof LocalPhotoStorage) {
    const file = store.source.pathOf(key);
    const hash = createHash("sha256");
    let size = 0;
    try {
      for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
        hash.update(chunk);
        size += chunk.length;
      }
    } catch {
      return null;
    }
    const created = copy && (await store.target.putFile(key, file, size)).created;
    return { sha256: hash.digest("hex"), size, created };
  }
  const read = await store.source.read(key);
  if (!read) return null;
  const bytes = Buffer.from(await new Response(read.stream).arrayBuffer());
  const created = copy && (await store.target.put(key, bytes)).created;
  return { sha256: createHash("sha256").update(bytes).digest("hex"), size: bytes.length, created };
}
