import { type Db, dbKind } from "~/infra/db.server";
import { postgresSql } from "~/infra/sql.server";

/**
 * Runs a test's direct SQL edit (what a tamperer would do) on either database: SQLite's spelling
 * is rewritten for PostgreSQL by the app's own postgresSql, and `DROP TRIGGER "Table_rule"` (SQLite names triggers
 * without their table) disables that trigger on its table instead.
 */
export function rawExec(db: Db, sql: string, ...params: unknown[]): Promise<number> {
  if (dbKind(db) !== "postgres") return db.$executeRawUnsafe(sql, ...params);
  const drop = /^DROP TRIGGER "(([A-Za-z]+)_[A-Za-z_]+)"$/.exec(sql.trim());
  if (drop) return db.$executeRawUnsafe(`ALTER TABLE "${drop[2]}" DISABLE TRIGGER "${drop[1]}"`);
  return db.$executeRawUnsafe(postgresSql(sql), ...params);
}
