import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { createDb, type Db } from "~/infra/db.server";
import { EMPTY_TEMPLATE, SEEDED_TEMPLATE, TMP_DIR } from "./paths";
import {
  createPgDatabase,
  dropPgDatabase,
  PG_ADMIN_URL,
  PG_EMPTY_TEMPLATE,
  PG_SEEDED_TEMPLATE,
  pgUrl,
} from "./pg";

/**
 * A real database for the calling test file, copied from the migrated (or seeded) template: a
 * SQLite file, or with TEST_DATABASE_URL set a PostgreSQL database (see ./pg.ts). Removed after
 * the file's tests.
 */
export function testDb({ seeded }: { seeded: boolean }): Db {
  if (PG_ADMIN_URL) return pgTestDb(PG_ADMIN_URL, seeded);
  const file = path.join(TMP_DIR, `test-${process.env.VITEST_POOL_ID ?? "0"}-${randomUUID()}.db`);
  fs.copyFileSync(seeded ? SEEDED_TEMPLATE : EMPTY_TEMPLATE, file);
  const db = createDb(file);
  afterAll(async () => {
    await db.$disconnect();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  });
  return db;
}

function pgTestDb(adminUrl: string, seeded: boolean): Db {
  const name = `yanshou_test_${process.env.VITEST_POOL_ID ?? "0"}_${randomUUID().slice(0, 8)}`;
  let created: Promise<void> | undefined;
  const db = createDb(pgUrl(adminUrl, name), {
    beforeConnect: () => {
      created ??= createPgDatabase(adminUrl, name, seeded ? PG_SEEDED_TEMPLATE : PG_EMPTY_TEMPLATE);
      return created;
    },
  });
  afterAll(async () => {
    await db.$disconnect();
    if (created) await dropPgDatabase(adminUrl, name);
  }, 60_000);
  return db;
}

/** Which database the suite runs on, for the few tests that differ (raw SQL, files). */
export const TEST_DB_KIND: "sqlite" | "postgres" = PG_ADMIN_URL ? "postgres" : "sqlite";
