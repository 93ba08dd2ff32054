/**
 * Copies every table of a SQLite installation into an empty, migrated PostgreSQL database, in
 * foreign-key order, ids and bytes as they are, in one transaction (all or nothing). Only
 * INSERTs: the immutability triggers fire on UPDATE and DELETE, so signed rows copy as any row.
 */
import type Database from "better-sqlite3";
import type pg from "pg";
import { type PgTable, parentsFirst } from "./pg-catalog.server";
import { toPgParam } from "./values";

export type CopiedTable = { table: string; rows: number };

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Columns the source lacks or has extra: the source must be at the target's schema version. */
export function schemaDifferences(source: Database.Database, tables: PgTable[]): string[] {
  const problems: string[] = [];
  const sourceTables = new Set(
    (
      source
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_prisma%' ESCAPE '\\'",
        )
        .all() as { name: string }[]
    ).map((r) => r.name),
  );
  for (const t of tables) {
    if (!sourceTables.has(t.name)) {
      problems.push(`table ${t.name} is missing in the SQLite database`);
      continue;
    }
    sourceTables.delete(t.name);
    const have = new Set(
      (source.prepare(`PRAGMA table_info(${q(t.name)})`).all() as { name: string }[]).map(
        (c) => c.name,
      ),
    );
    for (const c of t.columns)
      if (!have.delete(c.name)) problems.push(`${t.name}.${c.name} is missing in SQLite`);
    for (const extra of have) problems.push(`${t.name}.${extra} exists only in SQLite`);
  }
  for (const extra of sourceTables) problems.push(`table ${extra} exists only in SQLite`);
  return problems;
}

/** Tables of the target that already hold rows (the target must be empty). */
export async function nonEmptyTables(c: pg.Client, tables: PgTable[]): Promise<string[]> {
  const out: string[] = [];
  for (const t of tables) {
    const r = await c.query(`SELECT 1 FROM ${q(t.name)} LIMIT 1`);
    if (r.rowCount) out.push(t.name);
  }
  return out;
}

const MAX_PARAMS = 60_000;
const MAX_BATCH_ROWS = 500;
const MAX_BATCH_BYTES = 8 * 1024 * 1024;

function approxBytes(row: Record<string, unknown>) {
  let n = 0;
  for (const v of Object.values(row))
    n += Buffer.isBuffer(v) ? v.length : typeof v === "string" ? v.length * 3 : 8;
  return n;
}

export async function copyTables(
  source: Database.Database,
  target: pg.Client,
  tables: PgTable[],
  progress: (line: string) => void = () => {},
): Promise<CopiedTable[]> {
  const copied: CopiedTable[] = [];
  await target.query("BEGIN");
  try {
    for (const t of tables) {
      const names = t.columns.map((c) => c.name);
      const select = source.prepare(`SELECT ${names.map(q).join(", ")} FROM ${q(t.name)}`);
      select.safeIntegers(true);
      const insertHead = `INSERT INTO ${q(t.name)} (${names.map(q).join(", ")}) VALUES `;
      const perBatch = Math.max(1, Math.min(MAX_BATCH_ROWS, Math.floor(MAX_PARAMS / names.length)));
      let batch: Record<string, unknown>[] = [];
      let bytes = 0;
      let rows = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        const params: unknown[] = [];
        const tuples = batch.map((row) => {
          const slots = t.columns.map((c) => {
            params.push(toPgParam(row[c.name], c.type));
            return `$${params.length}`;
          });
          return `(${slots.join(", ")})`;
        });
        await target.query(insertHead + tuples.join(", "), params);
        rows += batch.length;
        batch = [];
        bytes = 0;
      };
      // A self-referencing table (superseded drawing revisions) is ordered in memory; others stream.
      const all = t.selfRefs.length > 0;
      const source_rows = all
        ? parentsFirst(select.all() as Record<string, unknown>[], t.selfRefs)
        : (select.iterate() as Iterable<Record<string, unknown>>);
      for (const row of source_rows) {
        batch.push(row);
        bytes += approxBytes(row);
        if (batch.length >= perBatch || bytes >= MAX_BATCH_BYTES) await flush();
      }
      await flush();
      copied.push({ table: t.name, rows });
      progress(`${t.name}: ${rows}`);
    }
    await target.query("COMMIT");
  } catch (error) {
    await target.query("ROLLBACK").catch(() => {});
    throw error;
  }
  return copied;
}
