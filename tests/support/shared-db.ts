import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
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
 * One test database that several clients open, as several app instances would: a SQLite file,
 * or (TEST_DATABASE_URL set) a PostgreSQL database copied from the template. `open()` gives a
 * new client each call; all are disconnected and the database removed after the file's tests.
 */
export async function sharedTestDb({ seeded }: { seeded: boolean }): Promise<{
  location: string;
  open: () => Db;
}> {
  const clients: Db[] = [];
  let location: string;
  let drop: () => Promise<void>;
  if (PG_ADMIN_URL) {
    const admin = PG_ADMIN_URL;
    const name = `yanshou_test_${process.env.VITEST_POOL_ID ?? "0"}_${randomUUID().slice(0, 8)}`;
    await createPgDatabase(admin, name, seeded ? PG_SEEDED_TEMPLATE : PG_EMPTY_TEMPLATE);
    location = pgUrl(admin, name);
    drop = () => dropPgDatabase(admin, name);
  } else {
    const file = path.join(TMP_DIR, `shared-${randomUUID()}.db`);
    fs.copyFileSync(seeded ? SEEDED_TEMPLATE : EMPTY_TEMPLATE, file);
    // As `npm start` leaves it (scripts/prepare-db.ts): readers and one writer side by side.
    const wal = new Database(file);
    wal.pragma("journal_mode = WAL");
    wal.close();
    location = file;
    drop = async () => {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    };
  }
  afterAll(async () => {
    for (const c of clients) await c.$disconnect();
    await drop();
  }, 60_000);
  return {
    location,
    open() {
      const client = createDb(location);
      clients.push(client);
      return client;
    },
  };
}
