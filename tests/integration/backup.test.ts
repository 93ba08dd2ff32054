import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createDb } from "~/infra/db.server";
import { createLot } from "~/modules/lot/create.server";
import { attachLotPhoto } from "~/modules/photo/photos.server";
import { LocalPhotoStorage, photoKey } from "~/modules/photo/storage.server";
import { cameraJpeg } from "../support/images";
import { SEEDED_TEMPLATE, TMP_DIR } from "../support/paths";
import { TEST_DB_KIND } from "../support/test-db";

/** Runs `npm run backup|restore` as a user would (tsx, the real env); returns exit code and output. */
function run(command: "backup" | "restore", args: string[], env: Record<string, string>) {
  const { DATABASE_URL: _postgres, ...inherited } = process.env;
  try {
    const out = execFileSync(
      path.resolve("node_modules/.bin/tsx"),
      ["scripts/backup.ts", command, ...args],
      { env: { ...inherited, ...env }, stdio: "pipe" },
    );
    return { code: 0, out: out.toString() };
  } catch (error) {
    const e = error as { status: number; stdout: Buffer; stderr: Buffer };
    return { code: e.status, out: `${e.stdout}${e.stderr}` };
  }
}

describe.runIf(TEST_DB_KIND === "sqlite")("backup and restore (embedded SQLite + uploads)", () => {
  it("backs up while the database is open, restores onto a wiped install, and verifies clean", async () => {
    const root = path.join(TMP_DIR, `backup-${randomUUID()}`);
    const dbFile = path.join(root, "data", "yanshou.db");
    const uploads = path.join(root, "uploads");
    fs.mkdirSync(path.dirname(dbFile), { recursive: true });
    fs.copyFileSync(SEEDED_TEMPLATE, dbFile);
    const env = { DATA_DIR: path.join(root, "data"), DATABASE_PATH: dbFile, UPLOADS_DIR: uploads };

    const db = createDb(dbFile);
    const contractor = await db.user.findFirstOrThrow({
      where: { username: "shigong1" },
      select: { id: true, role: true, organizationId: true },
    });
    const actor = { ...contractor, role: "contractor" as const };
    const stairwell = await db.stairwell.findFirstOrThrow({
      where: { building: { compound: { code: "NH" } } },
      select: { id: true },
    });
    const lot = await createLot(db, actor, "own", {
      workTypeCode: "stair-railing",
      place: { kind: "stairwell", id: stairwell.id },
    });
    const storage = new LocalPhotoStorage(path.join(uploads, "photos"));
    const { photo } = await attachLotPhoto(
      db,
      storage,
      actor,
      "own",
      { lotId: lot.id, itemId: null },
      { bytes: await cameraJpeg({}), name: "site.jpg" },
    );
    const original = fs.readFileSync(path.join(storage.root, photoKey("original", photo.sha256)));
    const events = await db.auditEvent.count();

    // Online: the app's client stays connected during the backup.
    const out = path.join(root, "backup");
    const backup = run("backup", ["--out", out], env);
    expect(backup.out).toContain("已备份");
    expect(backup.code).toBe(0);
    await db.$disconnect();
    const manifest = JSON.parse(fs.readFileSync(path.join(out, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ auditEvents: events, files: 3 });

    // Restoring over existing data is refused and changes nothing.
    const refused = run("restore", [out], env);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("--force");
    expect(fs.existsSync(dbFile)).toBe(true);

    fs.rmSync(path.join(root, "data"), { recursive: true });
    fs.rmSync(uploads, { recursive: true });
    const restored = run("restore", [out], env);
    expect(restored.out).toContain("链条完整");
    expect(restored.code).toBe(0);
    expect(fs.readFileSync(path.join(storage.root, photoKey("original", photo.sha256)))).toEqual(
      original,
    );
    const again = createDb(dbFile);
    expect(await again.auditEvent.count()).toBe(events);
    expect(await again.photo.count({ where: { id: photo.id } })).toBe(1);
    await again.$disconnect();

    // A backup whose photo was altered restores, but the verifier says which photo.
    const altered = path.join(out, "uploads", "photos", photoKey("original", photo.sha256));
    const bytes = fs.readFileSync(altered);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0xff;
    fs.writeFileSync(altered, bytes);
    const bad = run("restore", [out, "--force"], env);
    expect(bad.out).toContain("原图内容被修改");
    expect(bad.code).toBe(1);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
