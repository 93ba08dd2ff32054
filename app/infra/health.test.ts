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

  it("names the failing part: an unreachable database, a missing uploads folder", async () => {
    const db = createDb("postgres://nobody:x@127.0.0.1:1/none");
    const health = await checkHealth(db, path.join(os.tmpdir(), "no-such-dir", "uploads"));
    await db.$disconnect();
    expect(health.ok).toBe(false);
    expect(health.database).toMatchObject({ kind: "postgres", ok: false });
    expect(health.database.error).toBeTruthy();
    expect(health.storage).toMatchObject({ ok: false, error: expect.stringContaining("ENOENT") });
  });
});
