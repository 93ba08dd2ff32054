/**
 * npm run test:pg: the integration suite on PostgreSQL. PG_TEST_URL names a server and a role
 * that may create databases (e.g. postgres://yanshou:yanshou@127.0.0.1:5432/postgres; `.ci/run`
 * sets it up); without it this prints why and succeeds, so `npm test` needs no PostgreSQL.
 *
 * It runs every integration test file that touches the database (those using
 * tests/support/test-db.ts or shared-db.ts, each file on its own database copied from a
 * migrated template; `--subset`: only those in SUBSET below) plus the PostgreSQL-only ones (migration history checks, SQLite →
 * PostgreSQL + S3, two app instances on one database and bucket), on two workers. Left out,
 * because they are SQLite-only by nature:
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const SQLITE_ONLY: Record<string, string> = {
  // The embedded default's online SQLite backup and restore; PostgreSQL uses pg_dump/PITR.
  "backup.test.ts": "SQLite online backup of the embedded default",
  // Each test starts the built server on its own copy of the SQLite template (upload limits,
  // streaming, early refusals: no database-specific code); instances.test.ts runs the built
  // server on PostgreSQL.
  "uploads-server.test.ts": "servers on SQLite template copies",
  // The SQLite migration history (pg-migrations.test.ts checks the PostgreSQL one).
  "migrations.test.ts": "the SQLite migration history",
};
const USES_DATABASE = /support\/(test-db|shared-db)"|PG_ADMIN_URL/;
// `npm run test:pg -- --subset` runs only these (every module with database-specific SQL or
// triggers, the PostgreSQL-only checks and the two-instance test), ~2 min. By default, and in
// `npm test`, every file above runs: 50 files in 5 min on an idle 2-core machine (2026-12-01).
const SUBSET = [
  "pg-migrations.test.ts",
  "audit.test.ts", // append-only triggers, the chain under 60 concurrent writers
  "funds.test.ts", // payment immutability triggers, BigInt money
  "notices.test.ts", // the due-date INSERT … SELECT
  "dashboard.test.ts", // hourly counts by date text
  "defects.test.ts", // the verifier on a direct status edit
  "lot-read.test.ts", // the lot read path's hand-written SQL (postgresSql)
  "lot-signoff.test.ts", // signatures through the raw read and the verifier
  "jobs.test.ts", // the job queue's claims racing across two clients
  "drawing-render-job.test.ts", // nullable images until the render job commits them
  "offline-transition-commands.test.ts", // a queued return's round compared as a timestamp
  "offline-defect-transition-commands.test.ts", // a defect's base (updatedAt) in its update
  "migrate-to-postgres.test.ts", // SQLite → PostgreSQL + S3, verified (PostgreSQL only)
  "instances.test.ts", // two app instances on one database and bucket, one killed mid-load
];
// `--all` is the default (kept as a flag for older scripts and notes).
const all = !process.argv.includes("--subset");

const url = process.env.PG_TEST_URL?.trim();
if (!url) {
  console.log("test:pg skipped: PG_TEST_URL is not set (see scripts/postgres/test-pg.ts)");
  process.exit(0);
}
const dir = "tests/integration";
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".test.ts") && !(f in SQLITE_ONLY))
  .filter((f) => USES_DATABASE.test(fs.readFileSync(path.join(dir, f), "utf8")))
  .filter((f) => all || SUBSET.includes(f))
  .map((f) => path.join(dir, f));
const args = process.argv.slice(2).filter((a) => a !== "--all" && a !== "--subset");
// `npm run test:pg -- tests/integration/x.test.ts` runs just the files named.
const named = args.filter((a) => a.endsWith(".test.ts"));
if (named.length > 0) files.splice(0, files.length, ...named);
const workers = process.env.PG_TEST_WORKERS ?? "2";
console.log(
  `test:pg: ${files.length} files on ${workers} workers; SQLite-only, left out: ${Object.keys(SQLITE_ONLY).join(", ")}`,
);
const started = Date.now();
const result = spawnSync(
  path.resolve("node_modules", ".bin", "vitest"),
  [
    "run",
    ...files,
    `--maxWorkers=${workers}`,
    "--minWorkers=1",
    // Every query is a round trip to the server: the longest files (a compound's whole final
    // acceptance) take over the default 60 s on a busy 2-core machine.
    "--testTimeout=180000",
    // A file's first query creates its database from the template (serialised across workers).
    "--hookTimeout=120000",
    ...args.filter((a) => !a.endsWith(".test.ts")),
  ],
  { stdio: "inherit", env: { ...process.env, TEST_DATABASE_URL: url } },
);
console.log(`test:pg took ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(result.status ?? 1);
