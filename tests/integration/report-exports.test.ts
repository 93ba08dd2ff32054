/**
 * Large register exports as background jobs (issue 18 item 3, docs/decisions/0038-exports-as-jobs.md):
 * a small export still downloads directly; a large one commits its row with one report.export
 * job; the job builds the same rows as the direct export, once however often it runs, as the
 * requester is allowed at run time; only the requester sees or downloads it; a build that keeps
 * failing ends failed with its reason; ready files expire; the sweep keeps live export files.
 */
import fs from "node:fs";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "~/infra/domain-error";
import { createSession } from "~/modules/auth/session.server";
import { ORPHAN_GRACE_MS, sweepStoredFiles } from "~/modules/files/sweep.server";
import { fixedT } from "~/modules/i18n/i18n.server";
import { startJobWorker } from "~/modules/jobs/worker.server";
import { LocalPhotoStorage, type PhotoStorage } from "~/modules/photo/storage.server";
import { reportExportHandler } from "~/modules/report/export-job.server";
import { exportKey } from "~/modules/report/export-store.server";
import {
  exportJobKey,
  parseExportError,
  pruneExports,
  REPORT_EXPORT_JOB,
  requestExport,
} from "~/modules/report/exports.server";
import { defectRegisterXlsx } from "~/modules/report/registers.server";
import { loader as exportsLoader } from "~/routes/_app.exports._index";
import { loader as exportPageLoader } from "~/routes/_app.exports.$exportId";
import { loader as fileLoader } from "~/routes/exports.$exportId.file";
import { action as startAction } from "~/routes/exports.start";
import {
  asCurrentUser,
  type BuiltActor,
  type BuiltCompound,
  buildActor,
  buildCompound,
  buildDefect,
} from "../support/builders";
import { TMP_DIR } from "../support/paths";
import { sweepStores } from "../support/stores";
import { testDb } from "../support/test-db";

const db = testDb({ seeded: true });
const root = path.join(TMP_DIR, `exports-${process.pid}-${Date.now()}`);
const storage = new LocalPhotoStorage(path.join(root, "exports"));
const quiet = { info: () => {}, error: () => {} };
const ORIGIN = "http://localhost";
const cookies = new Map<string, string>();
const globals = globalThis as { yanshouDb?: unknown; yanshouExportStorage?: unknown };
const threshold = process.env.EXPORT_JOB_ROWS;

let supervisor: BuiltActor;
let contractorA: BuiltActor;
let contractorB: BuiltActor;
let compoundA: BuiltCompound;
let street: BuiltActor;

beforeAll(async () => {
  // The routes read the app's database and export store, and the threshold, from here.
  globals.yanshouDb = db;
  globals.yanshouExportStorage = storage;
  process.env.EXPORT_JOB_ROWS = "3";
  supervisor = await buildActor(db, "supervisor");
  contractorA = await buildActor(db, "contractor");
  contractorB = await buildActor(db, "contractor");
  street = await buildActor(db, "street");
  compoundA = await buildCompound(db, { contractorOrgId: contractorA.organizationId });
  const compoundB = await buildCompound(db, { contractorOrgId: contractorB.organizationId });
  for (let i = 0; i < 5; i++)
    await buildDefect(db, supervisor, compoundA, contractorA.organizationId, {
      title: `A 墙面空鼓 ${i}`,
    });
  for (let i = 0; i < 2; i++)
    await buildDefect(db, supervisor, compoundB, contractorB.organizationId, {
      title: `B 栏杆松动 ${i}`,
    });
  for (const a of [supervisor, contractorA, contractorB, street])
    cookies.set(a.id, (await createSession(db, a.id, null)).split(";")[0] ?? "");
});

afterAll(() => {
  globals.yanshouExportStorage = undefined;
  if (threshold === undefined) delete process.env.EXPORT_JOB_ROWS;
  else process.env.EXPORT_JOB_ROWS = threshold;
  fs.rmSync(root, { recursive: true, force: true });
});

function request(pathname: string, who: BuiltActor, body?: Record<string, string>) {
  return new Request(`${ORIGIN}${pathname}`, {
    method: body ? "POST" : "GET",
    headers: {
      Cookie: cookies.get(who.id) ?? "",
      Origin: ORIGIN,
      Host: "localhost",
      ...(body ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
    },
    ...(body ? { body: new URLSearchParams(body).toString() } : {}),
  });
}

/** What a route answered: a returned or thrown Response, or 200 with its data. */
async function answer(
  run: () => Promise<unknown>,
): Promise<Response | { status: 200; data: unknown }> {
  try {
    const r = await run();
    return r instanceof Response ? r : { status: 200, data: r };
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function start(who: BuiltActor, kind: string, query = "") {
  const r = await answer(() =>
    startAction({
      request: request("/exports/start", who, { kind, query }),
      params: {},
      context: {},
    }),
  );
  if (!(r instanceof Response)) throw new Error("expected a redirect");
  return r;
}

const jobOf = (exportId: string) =>
  db.backgroundJob.findUniqueOrThrow({ where: { idempotencyKey: exportJobKey(exportId) } });

/** One worker with the real handler, until the job of every export given has finished. */
async function runJobs(exportIds: string[], store: PhotoStorage = storage) {
  const worker = startJobWorker(db, {
    handlers: { [REPORT_EXPORT_JOB]: reportExportHandler(db, () => store) },
    pollMs: 10,
    log: quiet,
  });
  const keys = exportIds.map(exportJobKey);
  try {
    const end = Date.now() + 60_000;
    for (;;) {
      // Failed attempts wait for a backoff of 10 s and more: the test does not wait for it.
      await db.backgroundJob.updateMany({
        where: { idempotencyKey: { in: keys }, status: "queued" },
        data: { runAfter: new Date(0) },
      });
      const jobs = await db.backgroundJob.findMany({ where: { idempotencyKey: { in: keys } } });
      if (
        jobs.length === keys.length &&
        jobs.every((j) => j.status === "done" || j.status === "dead")
      )
        return;
      if (Date.now() > end) throw new Error("jobs did not finish in time");
      await delay(25);
    }
  } finally {
    await worker.stop();
  }
}

/** The data rows of a register workbook (below its title, filter line and header). */
async function sheetRows(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((row, n) => {
    if (n >= 3) rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

async function fileBytes(res: Response) {
  return Buffer.from(await res.arrayBuffer());
}

const exportIdOf = (res: Response) => {
  const to = res.headers.get("Location") ?? "";
  expect(to).toMatch(/^\/exports\/[a-z0-9]+$/);
  return to.slice("/exports/".length);
};

describe("register exports as background jobs", () => {
  it("a small export still downloads directly: a redirect to the GET file, no row, no job", async () => {
    const before = await db.reportExport.count();
    const res = await start(contractorB, "defects.xlsx", "severity=general&bogus=1");
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/reports/defects.xlsx?severity=general");
    expect(await db.reportExport.count()).toBe(before);
  });

  it("the permission comes first: a street office may not export defects (403), an unknown kind is 400", async () => {
    expect((await start(street, "defects.xlsx")).status).toBe(403);
    // Refused before the body is read: a body that fails the test if anyone reads it.
    const unread = new Request(`${ORIGIN}/exports/start`, {
      method: "POST",
      headers: { Cookie: cookies.get(street.id) ?? "", Origin: ORIGIN, Host: "localhost" },
      body: new ReadableStream({
        pull() {
          throw new Error("the body was read");
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(
      (await answer(() => startAction({ request: unread, params: {}, context: {} }))).status,
    ).toBe(403);
    expect((await start(contractorA, "users.xlsx")).status).toBe(400);
  });

  it("a large export commits its row and one job; the job builds the rows the direct export has, only the contractor's own", async () => {
    const res = await start(contractorA, "defects.xlsx");
    const id = exportIdOf(res);
    const row = await db.reportExport.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ requestedById: contractorA.id, status: "queued", rowCount: 5 });
    // Made for this contractor's role and organisation; a download checks them again.
    expect(JSON.parse(row.params)).toEqual({
      filter: {},
      lng: "zh-CN",
      for: `contractor@${contractorA.organizationId}`,
    });
    const job = await jobOf(id);
    expect(job).toMatchObject({ kind: REPORT_EXPORT_JOB, status: "queued" });
    expect(JSON.parse(job.payload)).toEqual({ exportId: id });
    // Asked again while it is being built (a second tap): the same export, still one job.
    expect(exportIdOf(await start(contractorA, "defects.xlsx"))).toBe(id);
    expect(
      await db.reportExport.count({ where: { requestedById: contractorA.id, status: "queued" } }),
    ).toBe(1);

    // The page says 生成中 meanwhile.
    const pending = await answer(() =>
      exportPageLoader({
        request: request(`/exports/${id}`, contractorA),
        params: { exportId: id },
        context: {},
      }),
    );
    expect(pending).toMatchObject({
      status: 200,
      data: { row: { status: "queued", pending: true } },
    });

    await runJobs([id]);
    const ready = await db.reportExport.findUniqueOrThrow({ where: { id } });
    expect(ready.status).toBe("ready");
    expect(ready.filename).toBe("质量问题台账.xlsx");
    expect(ready.fileKey).toBe(exportKey(ready.fileSha256!));
    expect(ready.expiresAt!.getTime() - ready.finishedAt!.getTime()).toBe(7 * 24 * 3_600_000);
    expect((await jobOf(id)).status).toBe("done");

    const file = await answer(() =>
      fileLoader({
        request: request(`/exports/${id}/file`, contractorA),
        params: { exportId: id },
        context: {},
      }),
    );
    if (!(file instanceof Response)) throw new Error("expected a file");
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(file.headers.get("Content-Disposition")).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent("质量问题台账.xlsx")}`,
    );
    const bytes = await fileBytes(file);
    expect(bytes.length).toBe(ready.fileBytes);
    const rows = await sheetRows(bytes);
    const direct = await sheetRows(
      await defectRegisterXlsx(db, asCurrentUser(contractorA), "own", {}, "zh-CN"),
    );
    // Same header and rows as the direct download (the filter line carries its own time).
    expect(rows.slice(1)).toEqual(direct.slice(1));
    expect(rows).toHaveLength(1 + 5);
    const titles = rows.slice(1).map((r) => String(r[1]));
    expect(titles.every((t) => t.startsWith("A "))).toBe(true);
  });

  it("a replayed job writes one ready row and one file (a defect PDF)", async () => {
    const id = exportIdOf(await start(contractorA, "defects.pdf", `compoundId=${compoundA.id}`));
    await runJobs([id]);
    const first = await db.reportExport.findUniqueOrThrow({ where: { id } });
    expect(first).toMatchObject({ status: "ready", filename: "质量问题台账.pdf", rowCount: 5 });
    const file = await answer(() =>
      fileLoader({
        request: request(`/exports/${id}/file`, contractorA),
        params: { exportId: id },
        context: {},
      }),
    );
    if (!(file instanceof Response)) throw new Error("expected a file");
    expect(file.headers.get("Content-Type")).toBe("application/pdf");
    expect((await fileBytes(file)).subarray(0, 5).toString()).toBe("%PDF-");
    const files = fs.readdirSync(storage.root, { recursive: true }).length;
    await db.backgroundJob.updateMany({
      where: { idempotencyKey: exportJobKey(id) },
      data: { status: "queued", runAfter: new Date(0), finishedAt: null },
    });
    await runJobs([id]);
    expect((await jobOf(id)).status).toBe("done");
    expect(await db.reportExport.findUniqueOrThrow({ where: { id } })).toEqual(first);
    expect(fs.readdirSync(storage.root, { recursive: true }).length).toBe(files);
    expect(await db.reportExport.count({ where: { id, status: "ready" } })).toBe(1);
  });

  it("only the requester sees or downloads an export: anyone else gets 404, whatever the id", async () => {
    const id = exportIdOf(await start(contractorA, "defects.xlsx", "status=open"));
    await runJobs([id]);
    for (const who of [contractorB, supervisor])
      for (const run of [
        () =>
          exportPageLoader({
            request: request(`/exports/${id}`, who),
            params: { exportId: id },
            context: {},
          }),
        () =>
          fileLoader({
            request: request(`/exports/${id}/file`, who),
            params: { exportId: id },
            context: {},
          }),
      ])
        expect((await answer(run)).status).toBe(404);
    for (const guess of ["nope", `${id}x`])
      expect(
        (
          await answer(() =>
            fileLoader({
              request: request(`/exports/${guess}/file`, contractorA),
              params: { exportId: guess },
              context: {},
            }),
          )
        ).status,
      ).toBe(404);
    // Each list holds its own exports only.
    const list = async (who: BuiltActor) => {
      const r = await answer(() =>
        exportsLoader({ request: request("/exports", who), params: {}, context: {} }),
      );
      return (r as { data: { exports: { id: string }[] } }).data.exports.map((e) => e.id);
    };
    expect(await list(contractorA)).toContain(id);
    expect(await list(contractorB)).not.toContain(id);
    expect(await list(supervisor)).not.toContain(id);
  });

  it("a requester who lost access by run time gets a failed export and no file", async () => {
    const leaver = await buildActor(db, "contractor", {
      organizationId: contractorA.organizationId,
    });
    const out = await requestExport(
      db,
      leaver,
      "own",
      { kind: "defects.xlsx", query: "", lng: "zh-CN" },
      { threshold: 0 },
    );
    if (out.kind !== "queued") throw new Error("expected a job");
    await db.user.update({ where: { id: leaver.id }, data: { active: false } });
    const files = fs.readdirSync(storage.root, { recursive: true }).length;
    await runJobs([out.exportId]);
    const row = await db.reportExport.findUniqueOrThrow({ where: { id: out.exportId } });
    expect(row).toMatchObject({ status: "failed", fileKey: null, fileSha256: null });
    expect(JSON.parse(row.error!)).toEqual({ code: "defect:exports.errors.noAccess", params: {} });
    expect((await jobOf(out.exportId)).status).toBe("done");
    expect(fs.readdirSync(storage.root, { recursive: true }).length).toBe(files);

    // A role that may not export any more: the same.
    const moved = await buildActor(db, "contractor", {
      organizationId: contractorA.organizationId,
    });
    const again = await requestExport(
      db,
      moved,
      "own",
      { kind: "defects.xlsx", query: "", lng: "en" },
      { threshold: 0 },
    );
    if (again.kind !== "queued") throw new Error("expected a job");
    await db.user.update({ where: { id: moved.id }, data: { role: "street" } });
    await runJobs([again.exportId]);
    expect(
      (await db.reportExport.findUniqueOrThrow({ where: { id: again.exportId } })).status,
    ).toBe("failed");
  });

  it("a file made for one contractor is not handed over once its requester moved to another (404)", async () => {
    const mover = await buildActor(db, "contractor", {
      organizationId: contractorA.organizationId,
    });
    cookies.set(mover.id, (await createSession(db, mover.id, null)).split(";")[0] ?? "");
    const out = await requestExport(
      db,
      mover,
      "own",
      { kind: "defects.xlsx", query: "", lng: "zh-CN" },
      { threshold: 0 },
    );
    if (out.kind !== "queued") throw new Error("expected a job");
    await runJobs([out.exportId]);
    const download = () =>
      answer(() =>
        fileLoader({
          request: request(`/exports/${out.exportId}/file`, mover),
          params: { exportId: out.exportId },
          context: {},
        }),
      );
    expect((await download()).status).toBe(200);
    // Moved to contractor B: the file holds A's defects, no longer theirs to see.
    await db.user.update({
      where: { id: mover.id },
      data: { organizationId: contractorB.organizationId },
    });
    expect((await download()).status).toBe(404);
  });

  it("a build that keeps failing is retried, then ends failed with its message; nothing is left behind", async () => {
    const broken: PhotoStorage = Object.assign(Object.create(storage), {
      put: async () => {
        throw new Error("EIO: i/o error, write");
      },
    });
    const out = await requestExport(
      db,
      contractorA,
      "own",
      { kind: "defects.xlsx", query: "", lng: "zh-CN" },
      { threshold: 0 },
    );
    if (out.kind !== "queued") throw new Error("expected a job");
    await runJobs([out.exportId], broken);
    const job = await jobOf(out.exportId);
    expect([job.status, job.attempts]).toEqual(["dead", 3]);
    expect(job.lastError).toMatch(/EIO/);
    const row = await db.reportExport.findUniqueOrThrow({ where: { id: out.exportId } });
    expect(row.status).toBe("failed");
    const error = JSON.parse(row.error!) as { code: "defect:exports.errors.buildFailed" };
    expect(new DomainError(error.code).text(fixedT("zh-CN"))).toBe("生成文件时出错，请稍后重试");
    const page = await answer(() =>
      exportPageLoader({
        request: request(`/exports/${out.exportId}`, contractorA),
        params: { exportId: out.exportId },
        context: {},
      }),
    );
    expect(page).toMatchObject({
      data: {
        row: {
          status: "failed",
          pending: false,
          error: { code: "defect:exports.errors.buildFailed" },
        },
      },
    });
    // No file to download.
    expect(
      (
        await answer(() =>
          fileLoader({
            request: request(`/exports/${out.exportId}/file`, contractorA),
            params: { exportId: out.exportId },
            context: {},
          }),
        )
      ).status,
    ).toBe(404);
  });

  it("a queued export nobody picks up says so after 30 s", async () => {
    const out = await requestExport(
      db,
      contractorB,
      "own",
      { kind: "defects.xlsx", query: "", lng: "zh-CN" },
      { threshold: 0 },
    );
    if (out.kind !== "queued") throw new Error("expected a job");
    const page = async () =>
      (await answer(() =>
        exportPageLoader({
          request: request(`/exports/${out.exportId}`, contractorB),
          params: { exportId: out.exportId },
          context: {},
        }),
      )) as { data: { row: { stale: boolean } } };
    expect((await page()).data.row.stale).toBe(false);
    await db.reportExport.update({
      where: { id: out.exportId },
      data: { createdAt: new Date(Date.now() - 31_000) },
    });
    expect((await page()).data.row.stale).toBe(true);
    await runJobs([out.exportId]);
    expect((await page()).data.row.stale).toBe(false);
  });

  it("ready exports expire after 7 days; a file another export names stays; the sweep keeps live files", async () => {
    // Two exports of the same rows in the same minute may make the same bytes: one file.
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const out = await requestExport(
        db,
        contractorB,
        "own",
        { kind: "defects.xlsx", query: "severity=general", lng: "zh-CN" },
        { threshold: 0 },
      );
      if (out.kind !== "queued") throw new Error("expected a job");
      ids.push(out.exportId);
      // Built before it is asked for again (asked while building, it would be the same export).
      await runJobs([out.exportId]);
    }
    const rows = await db.reportExport.findMany({ where: { id: { in: ids } } });
    const live = rows[0]!;
    // The sweep: an orphan goes, every named file stays.
    const orphan = exportKey("0".repeat(64));
    await storage.put(orphan, Buffer.from("left by a crash before the row"));
    const swept = await sweepStoredFiles(
      db,
      { ...sweepStores(path.join(root, "others")), exports: storage },
      { now: new Date(Date.now() + ORPHAN_GRACE_MS + 60_000) },
    );
    expect(swept.byKind.export).toBe(1);
    expect(await storage.has(orphan)).toBe(false);
    for (const r of rows) expect(await storage.has(r.fileKey!)).toBe(true);

    const later = new Date(live.expiresAt!.getTime() + 1000);
    // Only the first has expired: its row goes; its file stays if the second names the same one.
    await db.reportExport.update({
      where: { id: ids[1]! },
      data: { expiresAt: new Date(later.getTime() + 60_000) },
    });
    const first = await pruneExports(db, storage, later);
    expect(first.removed).toBeGreaterThanOrEqual(1);
    expect(await db.reportExport.findUnique({ where: { id: ids[0]! } })).toBeNull();
    const second = await db.reportExport.findUniqueOrThrow({ where: { id: ids[1]! } });
    expect(await storage.has(second.fileKey!)).toBe(true);
    if (second.fileKey !== live.fileKey) expect(await storage.has(live.fileKey!)).toBe(false);
    // An expired file is not served even before the prune runs.
    await db.reportExport.update({
      where: { id: ids[1]! },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect(
      (
        await answer(() =>
          fileLoader({
            request: request(`/exports/${ids[1]}/file`, contractorB),
            params: { exportId: ids[1]! },
            context: {},
          }),
        )
      ).status,
    ).toBe(404);
    // Nor listed with a 下载 that would answer 404.
    const listed = await answer(() =>
      exportsLoader({ request: request("/exports", contractorB), params: {}, context: {} }),
    );
    expect(
      (listed as { data: { exports: { id: string }[] } }).data.exports.map((e) => e.id),
    ).not.toContain(ids[1]);
    await pruneExports(db, storage);
    expect(await db.reportExport.count({ where: { id: { in: ids } } })).toBe(0);
    expect(await storage.has(second.fileKey!)).toBe(false);
  });

  it("an export whose job died without a word is marked failed by the prune after a day", async () => {
    const out = await requestExport(
      db,
      contractorB,
      "own",
      { kind: "lots.xlsx", query: "", lng: "zh-CN" },
      { threshold: -1 },
    );
    if (out.kind !== "queued") throw new Error("expected a job");
    await db.reportExport.update({ where: { id: out.exportId }, data: { status: "running" } });
    await pruneExports(db, storage, new Date(Date.now() + 60_000));
    expect((await db.reportExport.findUniqueOrThrow({ where: { id: out.exportId } })).status).toBe(
      "running",
    );
    await pruneExports(db, storage, new Date(Date.now() + 25 * 3_600_000));
    const row = await db.reportExport.findUniqueOrThrow({ where: { id: out.exportId } });
    expect(row.status).toBe("failed");
    expect(parseExportError(row.error)?.code).toBe("defect:exports.errors.buildFailed");
  });
});
