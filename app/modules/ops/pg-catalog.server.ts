/**
 * What the migration command needs to know about the target PostgreSQL database, read from its
 * catalogue after the migrations ran: the app's tables, their columns and types, primary keys
 * and foreign keys, and an order in which every row's parents are inserted before it.
 */
import type pg from "pg";

/** Tables that belong to the migration runners, not to the app's data. */
const RUNNER_TABLES = new Set(["_yanshou_migrations", "_prisma_migrations"]);

export type PgColumn = { name: string; type: string };
export type PgTable = {
  name: string;
  columns: PgColumn[];
  primaryKey: string[];
  /** columns of this table referencing this table (rows must be ordered parents first) */
  selfRefs: { column: string; references: string }[];
};

export async function readCatalog(c: pg.Client): Promise<PgTable[]> {
  const cols = await c.query<{ table: string; column: string; type: string }>(
    `SELECT table_name AS "table", column_name AS "column", data_type AS "type"
     FROM information_schema.columns WHERE table_schema = current_schema()
     ORDER BY table_name, ordinal_position`,
  );
  const pks = await c.query<{ table: string; column: string }>(
    `SELECT rel.relname AS "table", a.attname AS "column"
     FROM pg_index i JOIN pg_class rel ON rel.oid = i.indrelid
     JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
     WHERE i.indisprimary AND rel.relnamespace = current_schema()::regnamespace
     ORDER BY rel.relname, array_position(i.indkey::int2[], a.attnum)`,
  );
  const fks = await fkEdges(c);
  const tables = new Map<string, PgTable>();
  for (const r of cols.rows) {
    if (RUNNER_TABLES.has(r.table)) continue;
    let t = tables.get(r.table);
    if (!t) {
      t = { name: r.table, columns: [], primaryKey: [], selfRefs: [] };
      tables.set(r.table, t);
    }
    t.columns.push({ name: r.column, type: r.type });
  }
  for (const r of pks.rows) tables.get(r.table)?.primaryKey.push(r.column);
  for (const e of fks)
    if (e.child === e.parent)
      tables.get(e.child)?.selfRefs.push({ column: e.column, references: e.referenced });
  return dependencyOrder([...tables.values()], fks);
}

type FkEdge = { child: string; parent: string; column: string; referenced: string };

async function fkEdges(c: pg.Client): Promise<FkEdge[]> {
  const r = await c.query<FkEdge>(
    `SELECT ch.relname AS child, pa.relname AS parent, ca.attname AS "column", pa_col.attname AS referenced
     FROM pg_constraint k
     JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
     JOIN pg_attribute ca ON ca.attrelid = k.conrelid AND ca.attnum = k.conkey[1]
     JOIN pg_attribute pa_col ON pa_col.attrelid = k.confrelid AND pa_col.attnum = k.confkey[1]
     WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace`,
  );
  return r.rows;
}

/** Parents before children (Kahn's algorithm, ties by name so the order is stable). */
export function dependencyOrder(tables: PgTable[], fks: FkEdge[]): PgTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set()]));
  for (const e of fks)
    if (e.child !== e.parent && byName.has(e.child) && byName.has(e.parent))
      parents.get(e.child)!.add(e.parent);
  const out: PgTable[] = [];
  const done = new Set<string>();
  while (out.length < tables.length) {
    const ready = [...parents.entries()]
      .filter(([name, ps]) => !done.has(name) && [...ps].every((p) => done.has(p)))
      .map(([name]) => name)
      .sort();
    if (ready.length === 0) {
      const left = tables.filter((t) => !done.has(t.name)).map((t) => t.name);
      throw new Error(`foreign keys form a cycle between tables: ${left.join(", ")}`);
    }
    for (const name of ready) {
      done.add(name);
      out.push(byName.get(name)!);
    }
  }
  return out;
}

/** Rows of a self-referencing table, each after the row it references (e.g. a superseded revision). */
export function parentsFirst(
  rows: Record<string, unknown>[],
  selfRefs: PgTable["selfRefs"],
): Record<string, unknown>[] {
  if (selfRefs.length === 0) return rows;
  const placed = new Set<unknown>();
  const out: Record<string, unknown>[] = [];
  let pending = rows;
  while (pending.length > 0) {
    const next: Record<string, unknown>[] = [];
    for (const row of pending) {
      const ready = selfRefs.every(
        (s) =>
          row[s.column] === null ||
          row[s.column] === row[s.references] ||
          placed.has(row[s.column]),
      );
      if (ready) {
        out.push(row);
        for (const s of selfRefs) placed.add(row[s.references]);
      } else next.push(row);
    }
    if (next.length === pending.length)
      throw new Error("self-referencing rows form a cycle or reference missing rows");
    pending = next;
  }
  return out;
}
