/**
 * Upload temporaries against the real built server (scripts/serve.mjs, real SQLite, real files):
 * every file part is spooled to UPLOADS_DIR/.tmp/incoming while it streams in, and the folder is
 * empty again after every outcome (stored, refused over a limit, a body cut off, a client gone
 * mid-body, a consumer that refuses the file); a large drawing is stored byte-exact from its
 * temporary (putFile), and a large document too. Issue 18 item 2, decision 0018.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "~/infra/db.server";
import { spoolDir, withSpooledBytes } from "~/infra/upload-spool.server";
import { drawingKey } from "~/modules/drawing/storage.server";
import { documentKey, inspectDocument, keepDocument } from "~/modules/files/document-store.server";
import { createLot } from "~/modules/lot/create.server";
import { LocalPhotoStorage, storedSha256 } from "~/modules/photo/storage.server";
import { drawingSetPdf } from "../../prisma/seed/drawing-pdf";
import { cameraJpeg } from "../support/images";
import {
  multipart,
  type RealServer,
  rawRequest,
  signIn,
  startServer,
  writeAll,
} from "../support/server";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** A one-page drawing set padded to about `mb` MB with an uncompressed stream of random bytes. */
async function largePdf(mb: number): Promise<Buffer> {
  const doc = await PDFDocument.load(await drawingSetPdf([{ number: "E-9", title: "LARGE SET" }]));
  doc.context.register(doc.context.stream(randomBytes(mb * 1024 * 1024)));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

describe("upload temporaries against the real server", () => {
  let server: RealServer;
  let db: Db;
  let contractor: string;
  let designer: string;
  let lotId: string;
  let compoundId: string;

  beforeAll(async () => {
    server = await startServer({ PHOTO_MAX_FILE_MB: "2", PHOTO_MAX_REQUEST_MB: "4" });
    db = createDb(server.databasePath);
    const own = await db.user.findFirstOrThrow({
      where: { username: "shigong1" },
      select: { id: true, organizationId: true },
    });
    const place = await db.stairwell.findFirstOrThrow({
      where: { building: { compound: { code: "NH" } } },
      select: { id: true, building: { select: { compoundId: true } } },
      orderBy: { id: "asc" },
    });
    const lot = await createLot(db, { ...own, role: "contractor" }, "own", {
      workTypeCode: "stair-railing",
      place: { kind: "stairwell", id: place.id },
    });
    lotId = lot.id;
    compoundId = place.building.compoundId;
    contractor = await signIn(server, "shigong1");
    designer = await signIn(server, "sheji");
  }, 120_000);

  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
  });

  const head = (urlPath: string, boundary: string, length: number, cookie: string) =>
    `POST ${urlPath} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${server.url}\r\nCookie: ${cookie}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${length}\r\n\r\n`;
  const spooled = () => {
    const dir = path.join(server.uploadsDir, ".tmp", "incoming");
    return fs.existsSync(dir) ? fs.readdirSync(dir).length : 0;
  };
  /** Sends the form; `cut`: only its first bytes, declared as the whole body (no closing boundary). */
  const send = (urlPath: string, cookie: string, form: ReturnType<typeof multipart>, cut = 0) => {
    const bytes = cut ? form.body.subarray(0, cut) : form.body;
    return rawRequest(server.port, head(urlPath, form.boundary, bytes.length, cookie), (s) =>
      writeAll(s, bytes),
    );
  };
  const drawingFields = {
    discipline: "电气",
    numberPrefix: "电施-",
    startNumber: "1",
    defaultTitle: "照明平面图",
    revision: "",
    issuedOn: "2026-11-30",
    workTypeId: "",
    pageLines: "",
  };

  it("a photo stored: its temporary is gone once the answer is sent", async () => {
    const photo = await cameraJpeg({ seed: 70 });
    const res = await send(
      `/lots/${lotId}/photos`,
      contractor,
      multipart([{ field: "photo", name: "栏杆.jpg", bytes: photo }]),
    );
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, outcome: "applied" });
    expect(await db.photo.count({ where: { sha256: sha256(photo) } })).toBe(1);
    expect(spooled()).toBe(0);
  });

  it("a file over its limit (413), a body cut off (400) and a client gone mid-body leave no temporary", async () => {
    const photo = await cameraJpeg({ seed: 71 });
    const tooLarge = await send(
      `/lots/${lotId}/photos`,
      contractor,
      multipart([
        { field: "photo", name: "小.jpg", bytes: photo },
        { field: "photo", name: "大.jpg", bytes: Buffer.alloc(3 * 1024 * 1024, 7) },
      ]),
    );
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body).message).toContain("“大.jpg”超过单张");
    expect(spooled()).toBe(0);

    // Over the request limit (4 MB) in a stretch of small parts: the chunk that crosses it holds
    // the starts of several parts, which busboy still parses after the refusal. None is spooled.
    const crowded = await send(
      `/lots/${lotId}/photos`,
      contractor,
      multipart([
        { field: "photo", name: "甲.jpg", bytes: Buffer.alloc(2_090_000, 1) },
        { field: "photo", name: "乙.jpg", bytes: Buffer.alloc(2_090_000, 2) },
        ...Array.from({ length: 18 }, (_, i) => ({
          field: "photo",
          name: `小${i}.jpg`,
          bytes: Buffer.alloc(1_000, 3),
        })),
      ]),
    );
    expect(crowded.status).toBe(413);
    for (let i = 0; i < 20 && spooled() > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(spooled()).toBe(0);

    // The first part complete (spooled), the second cut off before its end.
    const two = multipart([
      { field: "photo", name: "一.jpg", bytes: photo },
      { field: "photo", name: "二.jpg", bytes: await cameraJpeg({ seed: 72 }) },
    ]);
    const cut = await send(`/lots/${lotId}/photos`, contractor, two, two.body.length - 4096);
    expect(cut.status).toBe(400);
    expect(JSON.parse(cut.body).message).toContain("上传数据不完整");
    expect(spooled()).toBe(0);

    // The tablet drops the connection half-way: no answer to read, and nothing left behind.
    await rawRequest(
      server.port,
      head(`/lots/${lotId}/photos`, two.boundary, two.body.length, contractor),
      async (s) => {
        await writeAll(s, two.body.subarray(0, two.body.length - 4096));
        await new Promise((r) => setTimeout(r, 200));
        s.destroy(new Error("tablet gone"));
      },
    );
    for (let i = 0; i < 50 && spooled() > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(spooled()).toBe(0);
    expect(await db.photo.count({ where: { sha256: sha256(photo) } })).toBe(0);
    expect((await fetch(`${server.url}/login`)).status).toBe(200);
  });

  it("a file the consumer refuses (not a PDF that opens: 422) leaves no temporary, no file and no row", async () => {
    const broken = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(512 * 1024, 0x41)]);
    const res = await send(
      `/compounds/${compoundId}/drawings`,
      designer,
      multipart([{ field: "file", name: "坏.pdf", bytes: broken }], drawingFields),
    );
    expect(res.status).toBe(422);
    expect(spooled()).toBe(0);
    expect(await db.drawingRevision.count({ where: { sourceSha256: sha256(broken) } })).toBe(0);
  });

  it("a 40 MB drawing set is checked from its temporary and stored byte-exact (putFile); the temporary goes", async () => {
    const pdf = await largePdf(40);
    expect(pdf.length).toBeGreaterThan(40 * 1024 * 1024);
    const res = await send(
      `/compounds/${compoundId}/drawings`,
      designer,
      multipart([{ field: "file", name: "大图.pdf", bytes: pdf }], drawingFields),
    );
    expect(res.status).toBe(200);
    expect(res.body).toContain("已上传 1 张图纸");
    expect(spooled()).toBe(0);
    const revision = await db.drawingRevision.findFirstOrThrow({
      where: { sourceSha256: sha256(pdf) },
      select: { sourceSha256: true },
    });
    const store = new LocalPhotoStorage(path.join(server.uploadsDir, "drawings"));
    expect(await storedSha256(store, drawingKey("source", revision.sourceSha256))).toBe(
      sha256(pdf),
    );
  }, 120_000);

  it("a 19 MB document is checked through a file stream and stored byte-exact from its temporary", async () => {
    const pdf = await largePdf(19);
    const store = new LocalPhotoStorage(path.join(server.dataDir, "documents-direct"));
    const policy = { store: "evidence", codes: {} } as unknown as Parameters<
      typeof keepDocument
    >[2];
    const kept = await withSpooledBytes("检测报告.pdf", pdf, async (file) => {
      expect(file.path.startsWith(spoolDir())).toBe(true);
      expect(await inspectDocument(policy, file)).toBe("pdf");
      return keepDocument(db, store, policy, file, async () => file.path);
    });
    expect(fs.existsSync(kept)).toBe(false);
    expect(await storedSha256(store, documentKey("evidence", sha256(pdf)))).toBe(sha256(pdf));
  }, 60_000);
});
