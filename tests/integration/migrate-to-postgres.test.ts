/**
 * npm run migrate:to-postgres's core: a seeded SQLite installation (demo accounts, lots, defects,
 * photos, signed payments, the audit chain) copied to a fresh PostgreSQL database and an
 * S3-compatible bucket (s3rver), verified identical; a tampered row or file at the target is
 * reported. Runs only with PostgreSQL (npm run test:pg).
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import pg from "pg";
// @ts-expect-error s3rver ships no types
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "~/infra/db.server";
import { s3Client } from "~/infra/s3-storage.server";
import { documentFolder, documentKey } from "~/modules/files/document-store.server";
import { migrateToPostgres } from "~/modules/ops/migrate-to-postgres.server";
import { LocalPhotoStorage } from "~/modules/photo/storage.server";
import { seedDemoActivity } from "../../prisma/seed/activity";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-data";
import { seedDemoPayments } from "../../prisma/seed/demo-funds";
import { SEEDED_TEMPLATE, TMP_DIR } from "../support/paths";
import { createPgDatabase, dropPgDatabase, PG_ADMIN_URL, pgUrl } from "../support/pg";

const PORT = 4190 + (Number(process.env.VITEST_POOL_ID ?? 0) % 4);
const BUCKET = "yanshou-migration";
const work = path.join(TMP_DIR, `migrate-${randomUUID().slice(0, 8)}`);
const sqlitePath = path.join(work, "yanshou.db");
const uploadsDir = path.join(work, "uploads");
const targetName = `yanshou_test_migrate_${randomUUID().slice(0, 8)}`;
const s3 = {
  bucket: BUCKET,
  endpoint: `http://127.0.0.1:${PORT}`,
  region: "us-east-1",
  accessKeyId: "S3RVER",
  secretAccessKey: "S3RVER",
  forcePathStyle: true,
  prefix: "county/",
};
let server: { run(): Promise<unknown>; close(): Promise<void> };

describe.skipIf(!PG_ADMIN_URL)("SQLite → PostgreSQL + S3 migration", () => {
  const admin = PG_ADMIN_URL!;
  const targetUrl = () => pgUrl(admin, targetName);

  beforeAll(async () => {
    fs.mkdirSync(work, { recursive: true });
    fs.copyFileSync(SEEDED_TEMPLATE, sqlitePath);
    const db = createDb(sqlitePath);
    await seedDemoActivity(
      db,
      new LocalPhotoStorage(path.join(uploadsDir, "photos")),
      new LocalPhotoStorage(path.join(uploadsDir, documentFolder("evidence"))),
    );
    await seedDemoPayments(db, DEMO_PASSWORD);
    await db.$disconnect();
    await createPgDatabase(admin, targetName); // empty: no template, no migrations
    server = new S3rver({
      port: PORT,
      address: "127.0.0.1",
      silent: true,
      directory: path.join(work, "s3"),
      configureBuckets: [{ name: BUCKET }],
    });
    await server.run();
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await dropPgDatabase(admin, targetName);
    fs.rmSync(work, { recursive: true, force: true });
  }, 60_000);

  it("copies every row and file and verifies the copy identical, the chain unbroken", async () => {
    const report = await migrateToPostgres({ sqlitePath, uploadsDir, targetUrl: targetUrl(), s3 });
    expect(report.tableMismatches).toEqual([]);
    expect(report.files.problems).toEqual([]);
    expect(report.audit.target.chainBreak).toBeNull();
    expect(report.audit.target.recordBreaks).toEqual([]);
    expect(report.ok).toBe(true);
    // what was there arrived: the demo's lots, defects, photos and signed payments
    const rows = Object.fromEntries(report.tables.map((t) => [t.table, t.targetRows]));
    expect(rows.InspectionLot).toBeGreaterThan(0);
    expect(rows.Defect).toBeGreaterThan(0);
    expect(rows.PaymentSignature).toBeGreaterThan(0);
    expect(rows.Photo).toBeGreaterThan(0);
    expect(report.audit.sourceEvents).toBeGreaterThan(100);
    expect(report.audit.target.events).toBe(report.audit.sourceEvents);
    expect(report.audit.target.signedRecords).toBeGreaterThan(0);
    expect(report.files.files).toBeGreaterThan(0);
    expect(report.files.copied).toBe(report.files.files);
    // the app reads the copy through its own client: ids and times as they were
    const source = createDb(sqlitePath);
    const target = createDb(targetUrl());
    try {
      const pick = { id: true, number: true, status: true, createdAt: true, dueOn: true } as const;
      const order = { id: "asc" } as const;
      expect(await target.defect.findMany({ select: pick, orderBy: order })).toEqual(
        await source.defect.findMany({ select: pick, orderBy: order }),
      );
      // the 质量控制资料 documents went to the bucket too, where the app reads them
      const doc = await target.evidenceDocument.findFirstOrThrow({ select: { sha256: true } });
      await s3Client(s3).send(
        new HeadObjectCommand({
          Bucket: BUCKET,
          Key: `${s3.prefix}${documentFolder("evidence")}/${documentKey("evidence", doc.sha256)}`,
        }),
      );
    } finally {
      await source.$disconnect();
      await target.$disconnect();
    }
  });

  it("refuses to copy into a database that already holds data", async () => {
    await expect(
      migrateToPostgres({ sqlitePath, uploadsDir, targetUrl: targetUrl() }),
    ).rejects.toThrow(/not empty/);
  });

  it("reports a row and a file changed at the target", async () => {
    const c = new pg.Client({ connectionString: targetUrl() });
    await c.connect();
    const defect = await c.query<{ id: string }>(`SELECT "id" FROM "Defect" ORDER BY "id" LIMIT 1`);
    await c.query(`UPDATE "Defect" SET "title" = "title" || '。' WHERE "id" = $1`, [
      defect.rows[0]!.id,
    ]);
    const photo = await c.query<{ sha256: string }>(`SELECT "sha256" FROM "Photo" LIMIT 1`);
    await c.end();
    const sha = photo.rows[0]!.sha256;
    const key = `${s3.prefix}photos/original/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`;
    await s3Client(s3).send(
      new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: Buffer.from("not the photo") }),
    );

    const report = await migrateToPostgres({
      sqlitePath,
      uploadsDir,
      targetUrl: targetUrl(),
      s3,
      verifyOnly: true,
    });
    expect(report.ok).toBe(false);
    expect(report.tableMismatches.map((m) => m.table)).toEqual(["Defect"]);
    expect(report.tableMismatches[0]!.targetRows).toBe(report.tableMismatches[0]!.sourceRows);
    expect(report.files.problems).toEqual([
      expect.objectContaining({ store: "photos", key: key.slice(`${s3.prefix}photos/`.length) }),
    ]);
    // the audit verifier on the target sees the replaced original too
    expect(report.audit.target.recordBreaks.map((b) => b.entityType)).toContain("Photo");
  });
});
