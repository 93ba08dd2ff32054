import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { createDb, type Db } from "~/infra/db.server";
import { EMPTY_TEMPLATE, SEEDED_TEMPLATE, TMP_DIR } from "./paths";

/**
 * A real SQLite file for the calling test file, copied from the migrated (or seeded) template.
 * Removed after the file's tests.
 */
export function testDb({ seeded }: { seeded: boolean }): Db {
  const file = path.join(TMP_DIR, `test-${process.env.VITEST_POOL_ID ?? "0"}-${randomUUID()}.db`);
  fs.copyFileSync(seeded ? SEEDED_TEMPLATE : EMPTY_TEMPLATE, file);
  const db = createDb(file);
  afterAll(async () => {
    await db.$disconnect();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  });
  return db;
}
