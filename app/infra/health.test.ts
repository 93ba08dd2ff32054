import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createDb } from "./db.server";
import { checkHealth } from "./health.server";

describe("checkHealth", () => {
  it("is ok with a reachable database and a writable folder, and leaves no file behind", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "healthz-"));
    const db = createDb(path.join(dir, "h.db"));
    const health = await checkHealth(db, dir);
    await db.$disconnect();
    expect(health).toMatchObject({
      ok: true,
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      database: { kind: "sqlite", ok: true },
      storage: { ok: true },
    });
    expect(fs.readdirSync(dir).filter((f) => f.startsWith(".healthz"))).toEqual([]);
    fs.rmSync(dir, { recursive: true });
  });

  it("names the failing part, not its reason (hosts and paths stay in the log)", async () => {
    const db = createDb("postgres://nobody:x@127.0.0.1:1/none");
    const logged: string[] = [];
    const original = console.error;
    console.error = (line: string) => logged.push(line);
    try {
      const health = await checkHealth(db, path.join(os.tmpdir(), "no-such-dir", "uploads"));
      expect(health).toEqual({
        ok: false,
        version: expect.any(String),
        database: { kind: "postgres", ok: false },
        storage: { ok: false },
        jobs: { ok: false, waitingSeconds: null },
      });
      expect(JSON.stringify(health)).not.toMatch(/127\.0\.0\.1|no-such-dir/);
      expect(logged.join("\n")).toMatch(/storage: .*ENOENT/);
    } finally {
      console.error = original;
      await db.$disconnect();
    }
  });
});
