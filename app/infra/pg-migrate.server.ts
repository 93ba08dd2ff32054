/**
 * Applies prisma/postgres/migrations to a PostgreSQL database and records what it applied.
 * `prisma migrate deploy` cannot run through the pg adapter (prisma/orm#27403), so this small
 * runner does it: one transaction per migration, an advisory lock so two instances starting at
 * once apply each migration once, and a checksum so an edited applied migration is refused.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export const PG_MIGRATIONS_DIR = path.resolve("prisma", "postgres", "migrations");
const LOCK_KEY = 74_910_018; // any constant shared by every instance of this app

export type PgMigration = { name: string; sql: string; checksum: string };

export function readPgMigrations(dir = PG_MIGRATIONS_DIR): PgMigration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{14}_/.test(d.name))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Applies what is not yet applied; returns the names applied now. */
export async function migratePostgres(url: string, dir = PG_MIGRATIONS_DIR): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_yanshou_migrations" (
      "name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL,
      "appliedAt" TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const done = new Map(
      (
        await client.query<{ name: string; checksum: string }>(
          `SELECT "name", "checksum" FROM "_yanshou_migrations"`,
        )
      ).rows.map((r) => [r.name, r.checksum]),
    );
    const applied: string[] = [];
    for (const m of readPgMigrations(dir)) {
      const previous = done.get(m.name);
      if (previous !== undefined) {
        if (previous !== m.checksum)
          throw new Error(`已应用的迁移被修改 (applied migration changed): ${m.name}`);
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_yanshou_migrations" ("name", "checksum") VALUES ($1, $2)`,
          [m.name, m.checksum],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`PostgreSQL 迁移失败 (migration failed): ${m.name}: ${String(error)}`);
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
