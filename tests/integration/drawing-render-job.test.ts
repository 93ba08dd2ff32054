/**
 * Drawing previews rendered by the job queue (issue 18 item 3, docs/decisions/0023-job-queue.md):
 * the upload commits a pending revision together with its `drawing.render` job; the worker
 * renders it; a replayed job renders nothing twice; a render that keeps failing ends visibly
 * failed (渲染失败), not stuck at 预览生成中.
 */
import fs from "node:fs";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DomainError } from "~/infra/domain-error";
import { uploadDrawings } from "~/modules/drawing/drawings.server";
import { DRAWING_LIMITS } from "~/modules/drawing/limits";
import {
  DRAWING_RENDER_JOB,
  drawingRenderHandler,
  enqueueRender,
  renderJobKey,
  renderRevision,
} from "~/modules/drawing/render-job.server";
import { sheetPage } from "~/modules/drawing/sheet-page.server";
import { type DrawingStorage, drawingKey } from "~/modules/drawing/storage.server";
import { fixedT } from "~/modules/i18n/i18n.server";
import { startJobWorker } from "~/modules/jobs/worker.server";
import { offlinePackage } from "~/modules/offline/package.server";
import { LocalPhotoStorage } from "~/modules/photo/storage.server";
import { asCurrentUser, type BuiltActor, buildActor, buildCompound } from "../support/builders";
import { TMP_DIR } from "../support/paths";
import { drawingSetPdf } from "../support/pdfs";
import { testDb } from "../support/test-db";

const root = path.join(TMP_DIR, `drawing-jobs-${process.pid}-${Date.now()}`);
const storage = new LocalPhotoStorage(root);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const limits = { ...DRAWING_LIMITS, fullLongSidePx: 1200, previewLongSidePx: 300 };
const quiet = { info: () => {}, error: () => {} };

function filesOnDisk(dir = root): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesOnDisk(full) : [path.relative(root, full)];
  });
}

async function until(check: () => Promise<boolean>, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not reached in time");
    await delay(25);
  }
}

describe("drawing rendering as a background job", () => {
  const db = testDb({ seeded: true });
  let supervisor: BuiltActor;
  let compoundId: string;
  let seed = 100;

  beforeAll(async () => {
    supervisor = await buildActor(db, "supervisor");
    compoundId = (await buildCompound(db, {})).id;
  });

  /** Uploads a fresh two-page set (new sheet numbers each time: nothing to confirm). */
  const upload = async (prefix: string) => {
    const pdf = await drawingSetPdf(
      [
        { number: `${prefix}-01`, title: "LIGHTING" },
        { number: `${prefix}-02`, title: "POWER" },
      ],
      { detail: 2, seed: seed++ },
    );
    const out = await uploadDrawings(
      db,
      storage,
      supervisor,
      "any",
      {
        compoundId,
        workTypeId: null,
        issuedOn: new Date("2026-11-01T00:00:00+08:00"),
        spec: {
          discipline: "电气",
          numberPrefix: `${prefix}-`,
          startNumber: 1,
          pageLines: [],
          defaultTitle: "平面图",
          revision: null,
        },
        file: { name: "set.pdf", bytes: Buffer.from(pdf) },
      },
      { limits },
    );
    if (out.kind !== "uploaded") throw new Error("expected an upload");
    return out.sheets.map((s) => s.revisionId);
  };

  const revisionsOf = (ids: string[]) =>
    db.drawingRevision.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        renderStatus: true,
        renderError: true,
        imageSha256: true,
        previewSha256: true,
        width: true,
      },
    });
  const jobsOf = (ids: string[]) =>
    db.backgroundJob.findMany({
      where: { idempotencyKey: { in: ids.map(renderJobKey) } },
      select: { id: true, kind: true, status: true, attempts: true, lastError: true },
    });
  const renderEvents = (ids: string[]) =>
    db.auditEvent.count({ where: { action: "drawing.revision.render", entityId: { in: ids } } });

  /** One instance's worker with the real handler, until every job of `ids` is finished. */
  async function runWorker(ids: string[], store: DrawingStorage = storage) {
    const worker = startJobWorker(db, {
      handlers: { [DRAWING_RENDER_JOB]: drawingRenderHandler(db, () => store, { limits }) },
      pollMs: 10,
      log: quiet,
    });
    try {
      await until(async () => {
        const jobs = await jobsOf(ids);
        // Failed attempts wait for a backoff of 10 s and more: the test does not wait for it.
        await db.backgroundJob.updateMany({
          where: { id: { in: jobs.map((j) => j.id) }, status: "queued" },
          data: { runAfter: new Date(0) },
        });
        return jobs.every((j) => j.status === "done" || j.status === "dead");
      });
    } finally {
      await worker.stop();
    }
  }

  it("the upload commits pending revisions with one queued job each; the worker renders them", async () => {
    const ids = await upload("J");
    expect(ids).toHaveLength(2);
    // Committed, not rendered: no image yet, one queued job per revision.
    const pending = await revisionsOf(ids);
    expect(pending.map((r) => [r.renderStatus, r.imageSha256, r.previewSha256])).toEqual([
      ["pending", null, null],
      ["pending", null, null],
    ]);
    const jobs = await jobsOf(ids);
    expect(jobs.map((j) => [j.kind, j.status])).toEqual([
      [DRAWING_RENDER_JOB, "queued"],
      [DRAWING_RENDER_JOB, "queued"],
    ]);
    // Only the source file is stored so far.
    expect(filesOnDisk().filter((f) => !f.startsWith(".tmp"))).toEqual([
      expect.stringMatching(/^source\//),
    ]);
    // The pages that need the preview do not break meanwhile: the sheet page says pending,
    // the offline package lists the page but no preview file yet.
    const viewer = asCurrentUser(supervisor);
    const page = await sheetPage(db, viewer, "any", ids[0]!);
    expect(page?.revision).toMatchObject({
      image: null,
      renderStatus: "pending",
      renderStalled: false,
    });
    // Still pending three minutes after the upload: the page says no worker may be running.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 3 * 60_000 });
    try {
      const later = await sheetPage(db, viewer, "any", ids[0]!);
      expect(later?.revision.renderStalled).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    const pkg = await offlinePackage(db, viewer, "any", compoundId);
    expect(pkg?.pages).toContain(`/drawings/${ids[0]}`);
    expect(pkg?.files).toEqual([]);

    await runWorker(ids);

    const rendered = await revisionsOf(ids);
    for (const r of rendered) {
      expect(r.renderStatus).toBe("ready");
      expect(r.width).toBe(1200);
      expect(fs.existsSync(path.join(root, drawingKey("full", r.imageSha256!)))).toBe(true);
      expect(fs.existsSync(path.join(root, drawingKey("preview", r.previewSha256!)))).toBe(true);
    }
    expect((await jobsOf(ids)).map((j) => j.status)).toEqual(["done", "done"]);
    expect(await renderEvents(ids)).toBe(2);
    const ready = await sheetPage(db, viewer, "any", ids[0]!);
    expect(ready?.revision.image).toEqual({ width: 1200, height: expect.any(Number) });
    const after = await offlinePackage(db, viewer, "any", compoundId);
    expect(after?.files).toEqual(
      expect.arrayContaining(ids.map((id) => `/drawings/${id}/preview`)),
    );
  });

  it("a replayed or duplicate job renders nothing twice", async () => {
    const ids = await upload("K");
    // A second enqueue (a retried request, another instance) is the same job.
    const again = await db.$transaction((tx) => enqueueRender(tx, ids[0]!));
    expect(again.created).toBe(false);
    expect(await jobsOf(ids)).toHaveLength(2);
    // Two renders of one revision at once (an inline render beside a worker): one writes.
    const raced = await Promise.all([
      renderRevision(db, storage, ids[0]!, { limits }),
      renderRevision(db, storage, ids[0]!, { limits }),
    ]);
    expect(raced.sort()).toEqual(["already", "rendered"]);
    await runWorker(ids);
    const files = filesOnDisk();
    const rows = await revisionsOf(ids);
    expect(await renderEvents(ids)).toBe(2);
    // The finished jobs run once more (a replay after a crash, say): nothing changes.
    await db.backgroundJob.updateMany({
      where: { idempotencyKey: { in: ids.map(renderJobKey) } },
      data: { status: "queued", runAfter: new Date(0), finishedAt: null },
    });
    await runWorker(ids);
    expect((await jobsOf(ids)).map((j) => j.status)).toEqual(["done", "done"]);
    expect(filesOnDisk()).toEqual(files);
    expect(await revisionsOf(ids)).toEqual(rows);
    expect(await renderEvents(ids)).toBe(2);
  });

  it("a render that keeps failing ends 渲染失败 with its reason; a refused file fails at once", async () => {
    // The disk refuses the rendered images (not a refusal of the file): retried, then failed.
    const broken: DrawingStorage = Object.assign(Object.create(storage), {
      put: async (key: string, bytes: Buffer) => {
        if (key.startsWith("full/")) throw new Error("EIO: i/o error, write");
        return storage.put(key, bytes);
      },
    });
    const ids = await upload("L");
    const stored = () => filesOnDisk().filter((f) => !f.startsWith(".tmp"));
    const before = stored();
    await runWorker(ids, broken);
    const jobs = await jobsOf(ids);
    expect(jobs.map((j) => [j.status, j.attempts])).toEqual([
      ["dead", 3],
      ["dead", 3],
    ]);
    expect(jobs[0]!.lastError).toMatch(/EIO/);
    const failed = await revisionsOf(ids);
    expect(failed.map((r) => [r.renderStatus, r.imageSha256])).toEqual([
      ["failed", null],
      ["failed", null],
    ]);
    // No image was left behind by the failed attempts.
    expect(stored()).toEqual(before);
    const viewer = asCurrentUser(supervisor);
    const page = await sheetPage(db, viewer, "any", ids[0]!);
    expect(page?.revision).toMatchObject({ image: null, renderStatus: "failed" });
    const error = page!.revision.renderError!;
    expect(new DomainError(error.code, { params: error.params }).text(fixedT("zh-CN"))).toMatch(
      /生成预览时出错/,
    );
    expect(
      await db.auditEvent.count({
        where: { action: "drawing.revision.renderFail", entityId: { in: ids } },
      }),
    ).toBe(2);

    // The source file is gone (a refusal, not a passing fault): failed on the first attempt.
    const [gone] = await upload("M");
    const source = await db.drawingRevision.findUniqueOrThrow({
      where: { id: gone! },
      select: { sourceSha256: true },
    });
    await storage.remove(drawingKey("source", source.sourceSha256));
    await runWorker([gone!]);
    expect((await jobsOf([gone!])).map((j) => [j.status, j.attempts])).toEqual([["done", 1]]);
    const missing = await sheetPage(db, viewer, "any", gone!);
    expect(missing?.revision.renderStatus).toBe("failed");
    expect(missing?.revision.renderError?.code).toBe("drawing:errors.sourceMissing");
  });
});
