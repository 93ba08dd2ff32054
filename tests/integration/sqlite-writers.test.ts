/**
 * Two processes writing one SQLite file (a second instance, a CLI or a test fixture beside the
 * server): a transaction that reads and then writes must wait for the other writer, not fail with
 * SQLITE_BUSY because the other committed between its read and its write (issue 16: a busy
 * database surfaced as a 500; the e2e fixtures' P1008).
 */
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { createDb, databasePathOf } from "~/infra/db.server";
import { TEST_DB_KIND, testDb } from "../support/test-db";

const WRITER = `
const Database = require("better-sqlite3");
const db = new Database(process.argv[1], { timeout: 10000 });
const insert = db.prepare("INSERT INTO scratch (who) VALUES ('other')");
const end = Date.now() + Number(process.argv[2]);
process.stdout.write("ready\\n");
while (Date.now() < end) { insert.run(); const t = Date.now() + 2; while (Date.now() < t); }
db.close();
`;

describe.skipIf(TEST_DB_KIND !== "sqlite")("two processes writing one SQLite file", () => {
  const db = testDb({ seeded: false });

  it("a read-then-write transaction waits for the other process instead of failing", async () => {
    await db.$executeRawUnsafe("CREATE TABLE scratch (who TEXT NOT NULL)");
    const file = databasePathOf(db) ?? "";
    const other = spawn(process.execPath, ["-e", WRITER, file, "3000"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise((ready) => other.stdout.once("data", ready));
    const failures: string[] = [];
    let done = 0;
    while (other.exitCode === null && done < 200) {
      try {
        await db.$transaction(async (tx) => {
          const rows = await tx.$queryRawUnsafe<{ n: bigint }[]>(
            "SELECT count(*) AS n FROM scratch",
          );
          const n = rows[0]?.n;
          await sleep(5); // the other process commits meanwhile
          await tx.$executeRawUnsafe(`INSERT INTO scratch (who) VALUES ('us ${n}')`);
        });
        done++;
      } catch (e) {
        failures.push(e instanceof Error ? (e.message.split("\n").at(-1) ?? "") : String(e));
        done++;
      }
    }
    await new Promise((exit) => (other.exitCode === null ? other.once("exit", exit) : exit(0)));
    expect(failures).toEqual([]);
    const ours = await db.$queryRawUnsafe<{ n: bigint }[]>(
      "SELECT count(*) AS n FROM scratch WHERE who LIKE 'us %'",
    );
    expect(Number(ours[0]?.n)).toBe(done);
    expect(done).toBeGreaterThan(10);
  });

  it("two clients in one process (the suite's stand-in for two instances) interleave transactions", async () => {
    await db.$executeRawUnsafe("CREATE TABLE IF NOT EXISTS scratch (who TEXT NOT NULL)");
    const file = databasePathOf(db) ?? "";
    const a = createDb(file);
    const b = createDb(file);
    const work = (client: typeof db, who: string) =>
      Array.from({ length: 40 }, (_, i) =>
        client.$transaction(async (tx) => {
          await tx.$queryRawUnsafe("SELECT count(*) AS n FROM scratch");
          await sleep(1); // the other client's transaction starts meanwhile, on this thread
          await tx.$executeRawUnsafe(`INSERT INTO scratch (who) VALUES ('${who} ${i}')`);
        }),
      );
    const results = await Promise.allSettled([...work(a, "a"), ...work(b, "b")]);
    await Promise.all([a.$disconnect(), b.$disconnect()]);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(
      "SELECT count(*) AS n FROM scratch WHERE who LIKE 'a %' OR who LIKE 'b %'",
    );
    expect(Number(rows[0]?.n)).toBe(80);
  });
});
