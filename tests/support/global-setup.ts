import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createDb } from "~/infra/db.server";
import { migratePostgres } from "~/infra/pg-migrate.server";
import { seedDemo } from "../../prisma/seed/demo";
import { EMPTY_TEMPLATE, SEEDED_TEMPLATE, TMP_DIR } from "./paths";
import {
  createPgDatabase,
  dropPgDatabase,
  PG_ADMIN_URL,
  PG_EMPTY_TEMPLATE,
  PG_SEEDED_TEMPLATE,
  pgAdmin,
  pgUrl,
} from "./pg";

/**
 * Migrates one template database (and a seeded copy); each test file copies its own. The SQLite
 * templates are always made (server tests copy them); with TEST_DATABASE_URL also PostgreSQL ones.
 */
export default async function setup() {
  fs.rmSync(TMP_DIR, { recursive: true, force: true });
  fs.mkdirSync(TMP_DIR, { recursive: true });
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_PATH: EMPTY_TEMPLATE },
    stdio: "pipe",
  });
  fs.copyFileSync(EMPTY_TEMPLATE, SEEDED_TEMPLATE);
  const db = createDb(SEEDED_TEMPLATE);
  await seedDemo(db);
  await db.$disconnect();
  if (PG_ADMIN_URL) await setupPostgres(PG_ADMIN_URL);
}

async function setupPostgres(adminUrl: string) {
  // Leftovers of an interrupted run (test databases are dropped after each file).
  const stale = await pgAdmin(adminUrl, (c) =>
    c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'yanshou\\_test\\_%'
       AND pg_get_userbyid(datdba) = current_user`,
    ),
  );
  for (const { datname } of stale.rows) await dropPgDatabase(adminUrl, datname);
  await createPgDatabase(adminUrl, PG_EMPTY_TEMPLATE);
  await migratePostgres(pgUrl(adminUrl, PG_EMPTY_TEMPLATE));
  await createPgDatabase(adminUrl, PG_SEEDED_TEMPLATE, PG_EMPTY_TEMPLATE);
  const db = createDb(pgUrl(adminUrl, PG_SEEDED_TEMPLATE));
  await seedDemo(db);
  await db.$disconnect();
}
