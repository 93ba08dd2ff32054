import { dbKind, sqliteReader } from "./db.server";

/**
 * The few hand-written SELECTs (the lot read path, the verifier's batches) are written once, in
 * SQLite's spelling: bare camelCase names and `?` placeholders. PostgreSQL folds bare names to
 * lower case and numbers its placeholders, so for it every mixed-case name outside a string
 * literal is quoted and each `?` becomes $1, $2 … (decision 0018).
 */
export function postgresSql(sql: string): string {
  let n = 0;
  return sql
    .split(/('(?:[^']|'')*')/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/(?<!["\w])([A-Za-z_]\w*)(?!["\w])/g, (name) =>
              /[a-z]/.test(name) && /[A-Z]/.test(name) ? `"${name}"` : name,
            )
            .replace(/\?/g, () => `$${++n}`),
    )
    .join("");
}

type RawClient = {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
};

/**
 * Runs one hand-written SELECT on whichever database the client talks to: on SQLite outside a
 * transaction through the client's read connection (db.server.ts), else through the client.
 */
export async function queryRows<T = Record<string, unknown>>(
  db: RawClient,
  sql: string,
  params: readonly unknown[],
): Promise<T[]> {
  const reader = sqliteReader(db);
  if (reader) return reader.all(sql, params) as T[];
  const text = dbKind(db) === "postgres" ? postgresSql(sql) : sql;
  return db.$queryRawUnsafe<T[]>(text, ...params);
}

/** DateTime columns hold ISO text (Prisma), SQLite's "YYYY-MM-DD HH:MM:SS" (UTC) or epoch ms. */
export function toDate(v: unknown): Date {
  if (v instanceof Date) return v;
  if (typeof v === "number" || typeof v === "bigint") return new Date(Number(v));
  const s = String(v);
  return new Date(
    /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/.test(s) ? `${s.replace(" ", "T")}Z` : s,
  );
}

/** A boolean column as either database returns it (SQLite: 0/1). */
export const sqlBool = (v: unknown) =>
  v === true || v === 1 || v === 1n || v === "1" || v === "true";
