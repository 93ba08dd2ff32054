/**
 * The PostgreSQL copy of the data model. prisma/schema.prisma is the one source of models; this
 * derives prisma/postgres/schema.prisma from it (provider, url, client output swapped; nothing
 * else). The committed copy is also the state the PostgreSQL migration history reaches: the
 * merge-time script (scripts/postgres/add-migration.ts) diffs the committed copy against a fresh
 * derivation to write the next PostgreSQL migration. See docs/decisions/0018-postgresql.md.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA = path.resolve("prisma", "schema.prisma");
export const PG_DIR = path.resolve("prisma", "postgres");
export const PG_SCHEMA = path.join(PG_DIR, "schema.prisma");
export const PG_MIGRATIONS = path.join(PG_DIR, "migrations");
export const SQLITE_MIGRATIONS = path.resolve("prisma", "migrations");

const HEADER =
  "// GENERATED from prisma/schema.prisma by scripts/postgres/schema.ts: do not edit.\n" +
  "// Its state is the one prisma/postgres/migrations reaches (npm run db:pg:migration).\n";

function swap(text: string, pattern: RegExp, replacement: string): string {
  if (!pattern.test(text)) throw new Error(`schema.prisma: ${pattern} not found`);
  return text.replace(pattern, replacement);
}

/** The PostgreSQL schema text for a SQLite schema text. */
export function derivePgSchema(sqlite: string): string {
  let text = swap(sqlite, /provider\s*=\s*"sqlite"/, 'provider = "postgresql"');
  text = swap(text, /url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://unused"');
  text = swap(
    text,
    /output\s*=\s*"\.\.\/app\/generated\/prisma"/,
    'output       = "../../app/generated/prisma-pg"',
  );
  text = text.replace(
    "// Ignored at run time with the JS engine: the better-sqlite3 adapter's path (DATABASE_PATH) is used.",
    "// Ignored at run time with the JS engine: the pg adapter's DATABASE_URL is used.",
  );
  return HEADER + text;
}

export function currentPgSchema(): string {
  return derivePgSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
}

/**
 * PostgreSQL SQL taking `from` (empty, or a schema file) to the schema file `to`, by
 * `prisma migrate diff`. Through the pg adapter the CLI connects even for a pure schema diff, so
 * it needs a reachable server (`url`; nothing is written there).
 */
export function pgDiffSql(from: "empty" | string, to: string, url: string): string {
  const fromArgs = from === "empty" ? ["--from-empty"] : ["--from-schema-datamodel", from];
  const out = execFileSync(
    path.resolve("node_modules", ".bin", "prisma"),
    [
      "migrate",
      "diff",
      "--config",
      path.join(PG_DIR, "prisma.config.ts"),
      ...fromArgs,
      "--to-schema-datamodel",
      to,
      "--script",
    ],
    { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "pipe", "pipe"] },
  ).toString();
  return out
    .split("\n")
    .filter((l) => !l.startsWith("Loaded Prisma config"))
    .join("\n")
    .replace(/-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n?/, "")
    .trim();
}

/** The SQLite migrations each PostgreSQL migration covers (its `-- sqlite: <name>` lines). */
export function coveredSqliteMigrations(): Set<string> {
  const covered = new Set<string>();
  for (const dir of fs.readdirSync(PG_MIGRATIONS)) {
    const file = path.join(PG_MIGRATIONS, dir, "migration.sql");
    if (!fs.existsSync(file)) continue;
    for (const m of fs.readFileSync(file, "utf8").matchAll(/^-- sqlite: (\S+)$/gm))
      covered.add(m[1]!);
  }
  return covered;
}

export function sqliteMigrationNames(): string[] {
  return fs
    .readdirSync(SQLITE_MIGRATIONS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}
