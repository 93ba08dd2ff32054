import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/infra/db.server";
import { withUpload } from "~/infra/multipart.server";
import { spoolDir } from "~/infra/upload-spool.server";
import { verifyDatabase } from "~/modules/audit/verify.server";
import { drawingKey } from "~/modules/drawing/storage.server";
import { sweepStoredFiles } from "~/modules/files/sweep.server";
import { createLot } from "~/modules/lot/create.server";
import { getLot, lotContentHash, transitionLot } from "~/modules/lot/lots.server";

import { attachLotPhoto, findViewablePhoto } from "~/modules/photo/photos.server";
import { sha256Of } from "~/modules/photo/pipeline.server";
import { LocalPhotoStorage, photoKey } from "~/modules/photo/storage.server";
import { compoundReadyForAcceptance } from "../support/acceptance-fixture";
import { cameraJpeg, pixelBomb } from "../support/images";
import { TMP_DIR } from "../support/paths";
import { sweepStores } from "../support/stores";
import { testDb } from "../support/test-db";

const root = path.join(TMP_DIR, `photos-${process.pid}-${Date.now()}`);
const storage = new LocalPhotoStorage(root);

function filesOnDisk(dir = root, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesOnDisk(full, base) : [path.relative(base, full)];
  });
}

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("photos attached to lots", () => {
  const db = testDb({ seeded: true });
  type U = { id: string; role: "supervisor" | "contractor"; organizationId: string };
  let supervisor: U;
  let contractorA: U;
  let contractorB: U;
  let lotId: string;
  let itemId: string;

  beforeAll(async () => {
    const users = await db.user.findMany({
      select: { id: true, username: true, role: true, organizationId: true },
    });
    const u = (name: string) => users.find((x) => x.username === name) as U;
    supervisor = u("jianli");
    contractorA = u("shigong1");
    contractorB = u("shigong2");
    const place = await db.stairwell.findFirstOrThrow({
      where: { building: { compound: { code: "NH" } } },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    const lot = await createLot(db, contractorA, "own", {
      workTypeCode: "stair-railing",
      place: { kind: "stairwell", id: place.id },
    });
    lotId = lot.id;
    const detail = await getLot(db, lotId, contractorA, "own");
    itemId = detail!.lot.template.items[0]!.id;
  });

  const counts = async (d: Db = db) => ({
    photos: await d.photo.count(),
    events: await d.auditEvent.count({ where: { action: "photo.attach" } }),
    files: filesOnDisk().length,
  });

  it("stores the original byte-exact under its hash, the derived copies, one row and one audit event", async () => {
    const original = await cameraJpeg({ seed: 1 });
    const { photo, duplicate } = await attachLotPhoto(
      db,
      storage,
      contractorA,
      "own",
      { lotId, itemId },
      {
        bytes: original,
        name: "现场.jpg",
      },
    );
    expect(duplicate).toBe(false);
    expect(photo.sha256).toBe(sha256Of(original));
    const onDisk = fs.readFileSync(path.join(root, photoKey("original", photo.sha256)));
    expect(onDisk.equals(original)).toBe(true);
    expect(sha256Of(onDisk)).toBe(photo.sha256);
    const row = await db.photo.findUniqueOrThrow({
      where: { id: photo.id },
      select: {
        displaySha256: true,
        thumbSha256: true,
        itemId: true,
        lotId: true,
        format: true,
        gpsLat: true,
      },
    });
    expect(row).toMatchObject({ itemId, lotId, format: "jpeg" });
    expect(row.gpsLat).toBeCloseTo(28.2583, 3);
    for (const [variant, sha] of [
      ["display", row.displaySha256],
      ["thumb", row.thumbSha256],
    ] as const) {
      const bytes = fs.readFileSync(path.join(root, photoKey(variant, sha)));
      expect(sha256Of(bytes)).toBe(sha);
    }
    expect(photoKey("original", photo.sha256)).toMatch(
      /^original\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/,
    );
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "photo.attach", entityId: photo.id },
      select: { payload: true, actorId: true },
    });
    expect(event.actorId).toBe(contractorA.id);
    expect(JSON.parse(event.payload)).toMatchObject({ lotId, itemId, sha256: photo.sha256 });
    expect(filesOnDisk().filter((f) => f.startsWith(".tmp"))).toEqual([]);
  });

  it("returns the first photo when the same bytes are sent again to the same place (retry)", async () => {
    const original = await cameraJpeg({ seed: 2 });
    const first = await attachLotPhoto(
      db,
      storage,
      supervisor,
      "any",
      { lotId, itemId: null },
      { bytes: original, name: "a.jpg" },
    );
    const before = await counts();
    const again = await attachLotPhoto(
      db,
      storage,
      supervisor,
      "any",
      { lotId, itemId: null },
      { bytes: original, name: "a.jpg" },
    );
    expect(again).toMatchObject({ duplicate: true, photo: { id: first.photo.id } });
    expect(await counts()).toEqual(before);
    // The same bytes on another item are another piece of evidence, sharing the stored original.
    const elsewhere = await attachLotPhoto(
      db,
      storage,
      supervisor,
      "any",
      { lotId, itemId },
      { bytes: original, name: "a.jpg" },
    );
    expect(elsewhere.duplicate).toBe(false);
    expect(elsewhere.photo.sha256).toBe(first.photo.sha256);
  });

  it("leaves nothing on disk or in the database for each bad input", async () => {
    const whole = await cameraJpeg({ seed: 3 });
    const bad: [string, Buffer, RegExp][] = [
      ["renamed.jpg", Buffer.from("%PDF-1.7\n1 0 obj\n"), /不是照片/],
      ["truncated.jpg", whole.subarray(0, whole.length / 2), /已损坏或不完整/],
      ["bomb.jpg", await pixelBomb(), /像素过多/],
      ["empty.jpg", Buffer.alloc(0), /空文件/],
    ];
    const before = await counts();
    for (const [name, bytes, message] of bad) {
      await expect(
        attachLotPhoto(db, storage, contractorA, "own", { lotId, itemId }, { bytes, name }),
      ).rejects.toThrow(message);
      expect(await counts()).toEqual(before);
    }
  });

  it("removes the files it wrote when the row cannot be committed", async () => {
    const failing = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop === "$transaction")
          return async () => {
            throw new Error("disk full");
          };
        return Reflect.get(target, prop, receiver);
      },
    });
    const before = await counts();
    await expect(
      attachLotPhoto(
        failing,
        storage,
        contractorA,
        "own",
        { lotId, itemId },
        { bytes: await cameraJpeg({ seed: 4 }), name: "x.jpg" },
      ),
    ).rejects.toThrow("disk full");
    expect(await counts()).toEqual(before);
  });

  it("refuses another contractor, items of other checklists and accepted lots", async () => {
    const bytes = await cameraJpeg({ seed: 5 });
    await expect(
      attachLotPhoto(db, storage, contractorB, "own", { lotId, itemId }, { bytes, name: "x.jpg" }),
    ).rejects.toMatchObject({ status: 404 });
    const other = await db.checklistItem.findFirstOrThrow({
      where: { template: { workType: { code: { not: "stair-railing" } } } },
      select: { id: true },
    });
    await expect(
      attachLotPhoto(
        db,
        storage,
        supervisor,
        "any",
        { lotId, itemId: other.id },
        { bytes, name: "x.jpg" },
      ),
    ).rejects.toMatchObject({ status: 400 });
    await db.inspectionLot.update({ where: { id: lotId }, data: { status: "accepted" } });
    try {
      await expect(
        attachLotPhoto(db, storage, supervisor, "any", { lotId, itemId }, { bytes, name: "x.jpg" }),
      ).rejects.toThrow("lot:workflow.locked");
    } finally {
      await db.inspectionLot.update({ where: { id: lotId }, data: { status: "draft" } });
    }
  });

  it("shows a photo only to those who may see its lot", async () => {
    const photo = await db.photo.findFirstOrThrow({ where: { lotId }, select: { id: true } });
    expect(await findViewablePhoto(db, photo.id, contractorA, "own")).not.toBeNull();
    expect(await findViewablePhoto(db, photo.id, supervisor, "any")).not.toBeNull();
    expect(await findViewablePhoto(db, photo.id, contractorB, "own")).toBeNull();
    expect(await findViewablePhoto(db, photo.id, contractorB, null as never)).toBeNull();
  });

  it("puts the photos' hashes into what a signature covers, independent of upload order", async () => {
    const before = lotContentHash((await getLot(db, lotId, supervisor, "any"))!);
    await attachLotPhoto(
      db,
      storage,
      supervisor,
      "any",
      { lotId, itemId },
      { bytes: await cameraJpeg({ seed: 6 }), name: "y.jpg" },
    );
    const detail = (await getLot(db, lotId, supervisor, "any"))!;
    const after = lotContentHash(detail);
    expect(after).not.toBe(before);
    const reversed = {
      ...detail,
      lot: { ...detail.lot, photos: [...detail.lot.photos].reverse() },
    };
    expect(lotContentHash(reversed)).toBe(after);
    const noPhotos = { ...detail, lot: { ...detail.lot, photos: [] } };
    expect(lotContentHash(noPhotos)).not.toBe(after);
  });
  it("sweeps every kind of file a crash left without a row (photos, drawings, temporaries), and keeps every file a row names", async () => {
    const kept = await db.photo.findFirstOrThrow({
      select: { sha256: true, displaySha256: true, thumbSha256: true },
    });
    const drawings = new LocalPhotoStorage(path.join(root, "..", `drawings-${process.pid}`));
    const stray = Buffer.from("written, then the process died before the row");
    const strayKey = photoKey("original", sha256Of(stray));
    await storage.put(strayKey, stray);
    const strayDrawing = drawingKey("preview", sha256Of(Buffer.from("a preview")));
    await drawings.put(strayDrawing, Buffer.from("a preview"));
    for (const dir of [path.join(root, ".tmp"), path.join(drawings.root, ".tmp")]) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "interrupted.part"), "half a file");
    }
    const swept = await sweepStoredFiles(
      db,
      sweepStores(path.join(drawings.root, "others"), { photos: storage, drawings }),
    );
    expect(swept).toEqual({
      temporaries: 2,
      orphans: 2,
      byKind: { photo: 1, drawing: 1, evidence: 0, route: 0 },
    });
    expect(await storage.has(strayKey)).toBe(false);
    expect(await drawings.has(strayDrawing)).toBe(false);
    expect(fs.readdirSync(path.join(drawings.root, ".tmp"))).toEqual([]);
    fs.rmSync(drawings.root, { recursive: true, force: true });
    for (const [variant, sha] of [
      ["original", kept.sha256],
      ["display", kept.displaySha256],
      ["thumb", kept.thumbSha256],
    ] as const)
      expect(await storage.has(photoKey(variant, sha))).toBe(true);
  });
});

describe("photo storage", () => {
  it("writes through a temporary name, never rewrites a stored file, and sweeps temporaries", async () => {
    const dir = path.join(root, "store");
    const s = new LocalPhotoStorage(dir);
    const bytes = Buffer.from("evidence");
    const key = photoKey("original", sha256Of(bytes));
    expect(await s.put(key, bytes)).toEqual({ created: true });
    expect(await s.put(key, Buffer.from("other"))).toEqual({ created: false });
    expect(fs.readFileSync(path.join(dir, key), "utf8")).toBe("evidence");
    expect(fs.readdirSync(path.join(dir, ".tmp"))).toEqual([]);
    fs.writeFileSync(path.join(dir, ".tmp", "crashed.part"), "half");
    expect(await s.sweepTemporaries()).toBe(1);
    expect(fs.readdirSync(path.join(dir, ".tmp"))).toEqual([]);
    expect(() => photoKey("original", "../../etc/passwd")).toThrow();
  });
});

describe("multipart upload parsing", () => {
  const form = (files: [string, Buffer][], fields: Record<string, string> = {}) => {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    for (const [name, bytes] of files)
      body.append("photo", new Blob([new Uint8Array(bytes)]), name);
    return new Request("http://x/lots/1/photos", { method: "POST", body });
  };

  it("spools files to temporaries while they stream in (hashed), keeps fields and Chinese file names, and removes the temporaries when the consumer is done", async () => {
    const jpeg = await cameraJpeg();
    const limits = { fileBytes: 5 * 1024 * 1024, requestBytes: 20 * 1024 * 1024 };
    const request = form(
      [
        ["栏杆.jpg", jpeg],
        ["b.jpg", jpeg],
      ],
      { itemId: "i1" },
    );
    const seen = await withUpload(request, limits, async (parsed) => {
      for (const f of parsed.files) expect(fs.statSync(f.path).size).toBe(jpeg.length);
      return {
        fields: parsed.fields,
        names: parsed.files.map((f) => f.name),
        sizes: parsed.files.map((f) => f.size),
        sha256: parsed.files.map((f) => f.sha256),
        first: await parsed.files[0]!.readBytes(),
        paths: parsed.files.map((f) => f.path),
      };
    });
    expect(seen.fields).toEqual({ itemId: "i1" });
    expect(seen.names).toEqual(["栏杆.jpg", "b.jpg"]);
    expect(seen.sizes).toEqual([jpeg.length, jpeg.length]);
    expect(seen.sha256[0]).toBe(createHash("sha256").update(jpeg).digest("hex"));
    expect(seen.first.equals(jpeg)).toBe(true);
    expect(seen.paths.every((p) => p.startsWith(spoolDir()) && !fs.existsSync(p))).toBe(true);

    // A consumer that throws: the temporaries go all the same.
    const paths: string[] = [];
    await expect(
      withUpload(form([["c.jpg", jpeg]]), limits, async (parsed) => {
        paths.push(...parsed.files.map((f) => f.path));
        expect(fs.existsSync(paths[0]!)).toBe(true);
        throw new Error("consumer failed");
      }),
    ).rejects.toThrow("consumer failed");
    expect(paths).toHaveLength(1);
    expect(fs.existsSync(paths[0]!)).toBe(false);
  });

  it("answers 413 with a Chinese message for a file or a request over its limit, never calling the consumer", async () => {
    const big = Buffer.alloc(300 * 1024, 1);
    const never = async () => expect.unreachable("the consumer runs only for an accepted body");
    await expect(
      withUpload(
        form([["大.jpg", big]]),
        { fileBytes: 200 * 1024, requestBytes: 10 * 1024 * 1024, subject: "photo" },
        never,
      ),
    ).rejects.toMatchObject({ status: 413, message: expect.stringContaining("“大.jpg”超过单张") });
    await expect(
      withUpload(
        form([
          ["a.jpg", big],
          ["b.jpg", big],
        ]),
        { fileBytes: 1024 * 1024, requestBytes: 400 * 1024, subject: "photo" },
        never,
      ),
    ).rejects.toMatchObject({ status: 413, message: expect.stringContaining("合计超过") });
  });
});

describe("uploads racing a sign-off, and a full disk", () => {
  const db = testDb({ seeded: true });

  it("refuses a photo when the lot is accepted while the photo is processed and stored, and removes its files", async () => {
    // no plan: no 隐蔽工程验收 records, so no photo files outside the racing store
    const { lastLot } = await compoundReadyForAcceptance(db, { code: "RC", plan: false });
    const supervisor = await db.user.findFirstOrThrow({
      where: { username: "jianli" },
      select: { id: true, organizationId: true },
    });
    const actor = { ...supervisor, role: "supervisor" as const };
    const raceRoot = path.join(root, "..", `race-${process.pid}`);
    // The sign-off commits between the files being written and the row's transaction.
    class SignOffDuringWrite extends LocalPhotoStorage {
      accepted = false;
      override async put(key: string, bytes: Buffer) {
        const out = await super.put(key, bytes);
        if (!this.accepted) {
          this.accepted = true;
          await transitionLot(db, actor, "any", lastLot.id, "accept", null);
        }
        return out;
      }
    }
    const racing = new SignOffDuringWrite(raceRoot);
    await expect(
      attachLotPhoto(
        db,
        racing,
        actor,
        "any",
        { lotId: lastLot.id, itemId: null },
        {
          bytes: await cameraJpeg({ seed: 60 }),
          name: "慢.jpg",
        },
      ),
    ).rejects.toMatchObject({
      status: 409,
      code: "lot:errors.signedNotSaved",
    });
    expect(await db.photo.count({ where: { lotId: lastLot.id } })).toBe(0);
    expect(filesOnDisk(raceRoot).filter((f) => !f.startsWith(".tmp"))).toEqual([]);
    const report = await verifyDatabase(db, racing, racing);
    expect(report.chainBreak).toBeNull();
    expect(report.recordBreaks).toEqual([]);
    fs.rmSync(raceRoot, { recursive: true, force: true });
  });

  it("answers 507 with a clear message when the disk is full or the folder unwritable, leaving no file and no row", async () => {
    const contractor = await db.user.findFirstOrThrow({
      where: { username: "shigong1" },
      select: { id: true, organizationId: true },
    });
    const place = await db.stairwell.findFirstOrThrow({
      where: { building: { compound: { code: "NH" } } },
      select: { id: true },
      orderBy: { id: "desc" },
    });
    const lot = await createLot(db, { ...contractor, role: "contractor" }, "own", {
      workTypeCode: "stair-railing",
      place: { kind: "stairwell", id: place.id },
    });
    const fullRoot = path.join(root, "..", `full-${process.pid}`);
    for (const code of ["ENOSPC", "EROFS", "EACCES"]) {
      // the second of the three files hits the full disk
      class FullDisk extends LocalPhotoStorage {
        writes = 0;
        protected override async writeDurably(file: string, bytes: Buffer) {
          this.writes += 1;
          if (this.writes === 2) throw Object.assign(new Error(code), { code });
          await super.writeDurably(file, bytes);
        }
      }
      const before = await db.photo.count();
      await expect(
        attachLotPhoto(
          db,
          new FullDisk(fullRoot),
          { ...contractor, role: "contractor" },
          "own",
          { lotId: lot.id, itemId: null },
          {
            bytes: await cameraJpeg({ seed: 61 }),
            name: "满.jpg",
          },
        ),
      ).rejects.toMatchObject({
        status: 507,
        message: expect.stringContaining("存储空间已满或上传目录不可写"),
      });
      expect(await db.photo.count()).toBe(before);
      expect(filesOnDisk(fullRoot)).toEqual([]);
    }
    fs.rmSync(fullRoot, { recursive: true, force: true });
  });
});
