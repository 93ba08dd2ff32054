/**
 * Uploads against the real built server (scripts/serve.mjs on a free port, real SQLite, real
 * files): a broken body never stops the process, early refusals reach clients that send the whole
 * body first, a sign-off that lands during an upload refuses the photo, SIGTERM lets an upload
 * finish. Issue 12 items 1, 4, 11, 14.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "~/infra/db.server";
import { verifyDatabase } from "~/modules/audit/verify.server";
import { createDefect, transitionDefect } from "~/modules/defect/defects.server";
import { defaultDueOn } from "~/modules/defect/workflow";
import { createLot } from "~/modules/lot/create.server";
import { transitionLot } from "~/modules/lot/lots.server";
import { LocalPhotoStorage } from "~/modules/photo/storage.server";
import { fillPassing } from "../../prisma/seed/activity";
import { cameraJpeg } from "../support/images";
import {
  filesUnder,
  multipart,
  type RealServer,
  rawRequest,
  signIn,
  startServer,
  writeAll,
} from "../support/server";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("uploads against the real server", () => {
  let server: RealServer;
  let db: Db;
  let supervisor: string;
  let lotId: string;
  let compoundId: string;
  let supervisorUser: { id: string; role: "supervisor"; organizationId: string };

  beforeAll(async () => {
    server = await startServer({ PHOTO_MAX_FILE_MB: "15", PHOTO_MAX_REQUEST_MB: "20" });
    db = createDb(server.databasePath);
    // one submitted lot with passing records: the supervisor may still record on it, and accept it
    const contractor = await db.user.findFirstOrThrow({
      where: { username: "shigong1" },
      select: { id: true, organizationId: true },
    });
    const own = { ...contractor, role: "contractor" as const };
    const place = await db.stairwell.findFirstOrThrow({
      where: { building: { compound: { code: "NH" } } },
      select: { id: true, building: { select: { compoundId: true } } },
      orderBy: { id: "asc" },
    });
    const lot = await createLot(db, own, "own", {
      workTypeCode: "stair-railing",
      place: { kind: "stairwell", id: place.id },
    });
    await fillPassing(db, own, lot.id);
    await transitionLot(db, own, "own", lot.id, "submit", null);
    lotId = lot.id;
    compoundId = place.building.compoundId;
    supervisor = await signIn(server, "jianli");
    const u = await db.user.findFirstOrThrow({
      where: { username: "jianli" },
      select: { id: true, organizationId: true },
    });
    supervisorUser = { ...u, role: "supervisor" };
  }, 120_000);

  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
  });

  const head = (urlPath: string, boundary: string, length: number, cookie = supervisor) =>
    `POST ${urlPath} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${server.url}\r\nCookie: ${cookie}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${length}\r\n\r\n`;
  const alive = async () => (await fetch(`${server.url}/login`)).status;
  const photoFiles = () =>
    filesUnder(path.join(server.uploadsDir, "photos")).filter((f) => !f.startsWith(".tmp"));

  it("answers a body cut off before its closing boundary with a 400, stores nothing, and keeps serving", async () => {
    const photo = await cameraJpeg({ seed: 40 });
    const { boundary, body, end } = multipart([{ field: "photo", name: "断.jpg", bytes: photo }]);
    const cut = body.subarray(0, body.length - end.length - 2);
    for (const bytes of [cut, cut.subarray(0, 170)]) {
      const res = await rawRequest(
        server.port,
        head(`/lots/${lotId}/photos`, boundary, bytes.length),
        (s) => writeAll(s, bytes),
      );
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body).message).toContain("上传数据不完整");
    }
    expect(await alive()).toBe(200);
    expect(server.child.exitCode).toBeNull();
    expect(await db.photo.count({ where: { lotId } })).toBe(0);
    expect(photoFiles()).toEqual([]);
  });

  it("lets a client that sends its whole body first read the early refusal (413 on a declared 110 MB, 401 without a session)", async () => {
    const huge = 110 * 1024 * 1024;
    const { boundary } = multipart([]);
    const tooBig = await rawRequest(
      server.port,
      head(`/lots/${lotId}/photos`, boundary, huge),
      (s) => writeAll(s, Buffer.alloc(huge), 1024 * 1024),
    );
    expect(tooBig.error).toBeUndefined();
    expect(tooBig.status).toBe(413);
    expect(JSON.parse(tooBig.body).message).toContain("上限");
    const eight = 8 * 1024 * 1024;
    const anonymous = await rawRequest(
      server.port,
      head(`/lots/${lotId}/photos`, boundary, eight, "none=1"),
      (s) => writeAll(s, Buffer.alloc(eight)),
    );
    expect(anonymous.error).toBeUndefined();
    expect(anonymous.status).toBeGreaterThanOrEqual(300);
    // no length declared (chunked): refused once 20 MB have arrived, the rest read and dropped
    const parts = multipart([
      { field: "photo", name: "巨.jpg", bytes: Buffer.alloc(30 * 1024 * 1024, 7) },
    ]);
    const chunked = await rawRequest(
      server.port,
      head(`/lots/${lotId}/photos`, parts.boundary, 0).replace(
        "Content-Length: 0",
        "Transfer-Encoding: chunked",
      ),
      async (s) => {
        for (let at = 0; at < parts.body.length; at += 1024 * 1024) {
          const piece = parts.body.subarray(at, at + 1024 * 1024);
          await writeAll(
            s,
            Buffer.concat([
              Buffer.from(`${piece.length.toString(16)}\r\n`),
              piece,
              Buffer.from("\r\n"),
            ]),
          );
        }
        s.write("0\r\n\r\n");
      },
    );
    expect(chunked.error).toBeUndefined();
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).message).toContain("合计超过 20 MB");
    expect(await alive()).toBe(200);
  });

  const tabletKey = "7d0c1e2f-photo-replay-01";
  let tabletPhotoId = "";
  const sendKeyed = async (key: string, seed: number, cut = false) => {
    const { boundary, body } = multipart(
      [{ field: "photo", name: "离线.jpg", bytes: await cameraJpeg({ seed }) }],
      { key, baseVersion: "submitted" },
    );
    // A replay's answer needs no body: the tablet's upload may stop once the answer is in.
    const bytes = cut ? body.subarray(0, 200) : body;
    return rawRequest(
      server.port,
      head(`/lots/${lotId}/photos?key=${key}`, boundary, body.length),
      (s) => writeAll(s, bytes),
    );
  };

  it("stores a tablet's photo once per key (issue 17)", async () => {
    const res = await sendKeyed(tabletKey, 60);
    expect(res.status).toBe(200);
    const answer = JSON.parse(res.body);
    expect(answer).toMatchObject({ ok: true, outcome: "applied" });
    tabletPhotoId = answer.results[0].photoId;
    expect(await db.commandReceipt.count({ where: { key: tabletKey } })).toBe(1);
  });

  it("refuses a photo still being processed when the lot is signed off, removes its files, and the chain verifies", async () => {
    // Two 12 MP photos keep the image queue busy, and a third, slow upload has passed its checks
    // (the lot was recordable when it began) but is still arriving when the supervisor signs.
    const big = await Promise.all(
      [50, 51].map((seed) => cameraJpeg({ width: 4000, height: 3000, seed })),
    );
    const send = (bytes: Buffer, name: string) => {
      const { boundary, body } = multipart([{ field: "photo", name, bytes }]);
      return rawRequest(server.port, head(`/lots/${lotId}/photos`, boundary, body.length), (s) =>
        writeAll(s, body),
      );
    };
    const busy = big.map((b, i) => send(b, `大${i}.jpg`));
    let signedOff: () => void = () => {};
    const signed = new Promise<void>((resolve) => {
      signedOff = resolve;
    });
    const slow = multipart([
      { field: "photo", name: "慢.jpg", bytes: await cameraJpeg({ seed: 41 }) },
    ]);
    const late = rawRequest(
      server.port,
      head(`/lots/${lotId}/photos`, slow.boundary, slow.body.length),
      async (s) => {
        await writeAll(s, slow.body.subarray(0, slow.body.length - 64));
        await signed;
        await writeAll(s, slow.body.subarray(slow.body.length - 64));
      },
    );
    await sleep(500);
    await Promise.all(busy);
    await transitionLot(db, supervisorUser, "any", lotId, "accept", null);
    signedOff();
    const res = await late;
    // refused by the check before processing or, when the sign-off lands during processing, by
    // the one inside the insert's transaction (photos.test.ts makes that case deterministic)
    expect(res.status).toBe(409);
    expect(JSON.parse(res.body).message).toMatch(
      /检验批已签认，照片未保存|检验批已验收合格，不能修改/,
    );
    const stored = await db.photo.findMany({
      where: { lotId },
      select: { sha256: true, displaySha256: true, thumbSha256: true },
    });
    // only files of photos that made it before the sign-off remain
    expect(photoFiles().length).toBe(
      new Set(stored.flatMap((p) => [p.sha256, p.displaySha256, p.thumbSha256])).size,
    );
    const report = await verifyDatabase(
      db,
      new LocalPhotoStorage(path.join(server.uploadsDir, "photos")),
      new LocalPhotoStorage(path.join(server.uploadsDir, "drawings")),
    );
    expect(report.chainBreak).toBeNull();
    expect(report.recordBreaks).toEqual([]);
  });

  it("answers a replay of a photo stored before the sign-off as stored, before reading its body; a new photo is refused", async () => {
    const before = await db.photo.count({ where: { lotId } });
    const replay = await sendKeyed(tabletKey, 61, true);
    expect(replay.status).toBe(200);
    expect(JSON.parse(replay.body)).toMatchObject({
      ok: true,
      outcome: "duplicate",
      results: [{ photoId: tabletPhotoId, duplicate: true }],
    });
    const fresh = await sendKeyed("7d0c1e2f-photo-replay-02", 62);
    expect(fresh.status).toBe(409);
    expect(JSON.parse(fresh.body).outcome).toBe("refused");
    expect(await db.photo.count({ where: { lotId } })).toBe(before);
    expect(await db.commandReceipt.count({ where: { lotId, kind: "photo" } })).toBe(1);
  });

  it("answers a replay of a defect's 整改后 photo, named by its SHA-256, as stored after the reply moved the defect on (issue 17)", async () => {
    const contractor = await db.user.findFirstOrThrow({
      where: { username: "shigong1" },
      select: { id: true, organizationId: true },
    });
    const own = { ...contractor, role: "contractor" as const };
    const defect = await createDefect(db, supervisorUser, {
      from: "compound",
      compoundId,
      contractorOrgId: contractor.organizationId,
      placeLabel: "1栋2单元",
      title: "扶手焊缝开裂",
      description: "",
      severity: "general",
      dueOn: defaultDueOn("general", new Date()),
    });
    await transitionDefect(db, own, "own", defect.id, "acknowledge", null);
    const cookie = await signIn(server, "shigong1");
    const send = async (seed: number, cut = false) => {
      const bytes = await cameraJpeg({ seed });
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const { boundary, body } = multipart([{ field: "photo", name: "整改后.jpg", bytes }]);
      return rawRequest(
        server.port,
        head(
          `/defects/${defect.id}/photos?role=after&sha256=${sha256}`,
          boundary,
          body.length,
          cookie,
        ),
        (s) => writeAll(s, cut ? body.subarray(0, 200) : body),
      );
    };
    const first = await send(70);
    expect(first.status).toBe(200);
    const photoId = JSON.parse(first.body).results[0].photoId;
    // The reply was applied; its answer was lost, the tablet sends the photo again.
    await transitionDefect(db, own, "own", defect.id, "reply", "已重新焊接");
    const replay = await send(70, true);
    expect(replay.status).toBe(200);
    expect(JSON.parse(replay.body)).toMatchObject({
      ok: true,
      results: [{ photoId, duplicate: true }],
    });
    // Another photo now is refused: the defect waits for 复查.
    const fresh = await send(71);
    expect(fresh.status).toBe(409);
    expect(await db.photo.count({ where: { defectId: defect.id } })).toBe(1);
  });

  it("on SIGTERM finishes the upload under way, then exits 0", async () => {
    const designer = await signIn(server, "sheji");
    const sheet = await sharp({
      create: { width: 1200, height: 800, channels: 3, background: "#f4f4f4" },
    })
      .png()
      .toBuffer();
    const { boundary, body } = multipart([{ field: "file", name: "平面图.png", bytes: sheet }], {
      discipline: "电气",
      numberPrefix: "电施-",
      startNumber: "1",
      defaultTitle: "照明平面图",
      revision: "",
      issuedOn: "2026-11-29",
      workTypeId: "",
      pageLines: "",
    });
    const half = Math.floor(body.length / 2);
    const res = await rawRequest(
      server.port,
      head(`/compounds/${compoundId}/drawings`, boundary, body.length, designer),
      async (s) => {
        await writeAll(s, body.subarray(0, half));
        await sleep(300);
        server.child.kill("SIGTERM");
        await sleep(300);
        await writeAll(s, body.subarray(half));
      },
    );
    expect(res.status).toBe(200);
    expect(res.body).toContain("已上传 1 张图纸");
    expect(await server.exited).toBe(0);
    expect(await db.drawingRevision.count({ where: { sheet: { compoundId } } })).toBe(1);
  });
});
