/**
 * Rendering a drawing revision's images off the request (docs/decisions/0023-job-queue.md): the
 * upload stores the source file and commits the revision as `pending` together with a
 * `drawing.render` job; the job renders the page exactly as the upload used to, stores the
 * content-addressed images and marks the revision `ready` (or `failed`, with the reason).
 * Rendering twice is harmless: the files are content-addressed and the row is only written while
 * it is not ready yet.
 */

import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { DomainError, isDomainError, type MessageParams } from "~/infra/domain-error";
import { heavyImageWork } from "~/infra/image-work.server";
import { z } from "~/infra/zod";
import type { MessageKey } from "~/locales/resources";
import { recordEvent } from "~/modules/audit/record.server";
import { enqueueJob, type JobDb } from "~/modules/jobs/queue.server";
import { isLeaseLost, type JobHandler } from "~/modules/jobs/worker.server";
import { DRAWING_LIMITS, type DrawingLimits } from "./limits";
import { renderSource } from "./render.server";
import { isDrawingSourceFormat } from "./sniff";
import { type DrawingStorage, drawingKey, putDrawing, removeUnreferenced } from "./storage.server";

export const DRAWING_RENDER_JOB = "drawing.render";

/** One render job per revision, whoever enqueues it and however often. */
export const renderJobKey = (revisionId: string) => `${DRAWING_RENDER_JOB}:${revisionId}`;

/** Call inside the transaction that creates the revision: the job exists iff the revision does. */
export function enqueueRender(tx: JobDb, revisionId: string) {
  return enqueueJob(tx, {
    kind: DRAWING_RENDER_JOB,
    payload: { revisionId },
    idempotencyKey: renderJobKey(revisionId),
    // A refusal of the file fails at once; these are for a full disk or a crashed worker.
    maxAttempts: 3,
  });
}

/** A stored render failure: a message key and its parameters (shown in the reader's language). */
export type RenderFailure = { code: MessageKey; params: MessageParams };

export function parseRenderError(text: string | null): RenderFailure | null {
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as RenderFailure;
    if (typeof parsed.code === "string") return { code: parsed.code, params: parsed.params ?? {} };
  } catch {}
  return { code: "drawing:errors.renderFailed", params: {} };
}

type Commit = <T>(fn: (tx: Prisma.TransactionClient) => Promise<T>) => Promise<T>;

export type RenderOutcome = "rendered" | "already" | "missing";

async function bytesOf(stream: ReadableStream<Uint8Array>) {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

/**
 * Renders one revision's page and records it. `commit` runs the database write (the worker's
 * `ctx.commit`, which marks the job done in the same transaction); by default a transaction.
 * A refusal of the file (DomainError) or a storage error is thrown; nothing is written then.
 */
export async function renderRevision(
  db: Db,
  storage: DrawingStorage,
  revisionId: string,
  opts: { commit?: Commit; limits?: DrawingLimits; now?: Date } = {},
): Promise<RenderOutcome> {
  const revision = await db.drawingRevision.findUnique({
    where: { id: revisionId },
    select: {
      id: true,
      renderStatus: true,
      sourceSha256: true,
      sourceFormat: true,
      pageIndex: true,
      sheet: { select: { number: true } },
    },
  });
  if (!revision) return "missing";
  if (revision.renderStatus === "ready") return "already";
  const name = revision.sheet.number;
  const file = await storage.read(drawingKey("source", revision.sourceSha256));
  if (!file || !isDrawingSourceFormat(revision.sourceFormat))
    throw new DomainError("drawing:errors.sourceMissing", { params: { name } });
  const source = await bytesOf(file.stream);
  const format = revision.sourceFormat;
  const [r] = await heavyImageWork(() =>
    renderSource(source, name, format, [revision.pageIndex], opts.limits ?? DRAWING_LIMITS),
  );
  if (!r) throw new DomainError("drawing:errors.renderFailed", { params: { name } });
  const created: string[] = [];
  try {
    for (const [key, bytes] of [
      [drawingKey("full", r.full.sha256), r.full.bytes],
      [drawingKey("preview", r.preview.sha256), r.preview.bytes],
    ] as const)
      if ((await putDrawing(storage, key, { bytes })).created) created.push(key);
    const images = {
      imageSha256: r.full.sha256,
      previewSha256: r.preview.sha256,
      width: r.full.width,
      height: r.full.height,
      previewWidth: r.preview.width,
      previewHeight: r.preview.height,
    };
    const commit: Commit = opts.commit ?? ((fn) => db.$transaction(fn));
    const written = await commit(async (tx) => {
      // Only while not ready: a second render (a replayed job, the inline render) writes nothing.
      const { count } = await tx.drawingRevision.updateMany({
        where: { id: revision.id, renderStatus: { not: "ready" } },
        data: { ...images, renderStatus: "ready", renderError: null },
      });
      if (count === 1)
        await recordEvent(
          tx,
          {
            actorId: null,
            action: "drawing.revision.render",
            entityType: "DrawingRevision",
            entityId: revision.id,
            data: images,
          },
          opts.now,
        );
      return count === 1;
    });
    if (!written) await removeUnreferenced(db, storage, created);
    return written ? "rendered" : "already";
  } catch (error) {
    await removeUnreferenced(db, storage, created);
    throw error;
  }
}

/** Marks a revision that is still pending as failed, naming why; a ready one is left alone. */
export async function markRenderFailed(
  tx: Prisma.TransactionClient,
  revisionId: string,
  error: unknown,
  now = new Date(),
) {
  const failure: RenderFailure = isDomainError(error)
    ? { code: error.code, params: error.params }
    : { code: "drawing:errors.renderFailed", params: {} };
  const { count } = await tx.drawingRevision.updateMany({
    where: { id: revisionId, renderStatus: "pending" },
    data: { renderStatus: "failed", renderError: JSON.stringify(failure) },
  });
  if (count === 1)
    await recordEvent(
      tx,
      {
        actorId: null,
        action: "drawing.revision.renderFail",
        entityType: "DrawingRevision",
        entityId: revisionId,
        data: { ...failure, detail: isDomainError(error) ? null : String(error).slice(0, 500) },
      },
      now,
    );
  return count === 1;
}

const payloadSchema = z.object({ revisionId: z.string().min(1) });

/**
 * The `drawing.render` handler. A refused file is final at once (the revision fails, the job is
 * done); any other error is retried, and the revision fails on the last attempt (the job then
 * ends dead with the error).
 */
export function drawingRenderHandler(
  db: Db,
  storage: () => DrawingStorage,
  opts: { limits?: DrawingLimits } = {},
): JobHandler {
  return async (ctx) => {
    const { revisionId } = payloadSchema.parse(ctx.payload);
    try {
      await renderRevision(db, storage(), revisionId, { commit: ctx.commit, limits: opts.limits });
    } catch (error) {
      if (isLeaseLost(error) || ctx.signal.aborted) throw error;
      if (isDomainError(error)) {
        await ctx.commit((tx) => markRenderFailed(tx, revisionId, error));
        return;
      }
      if (ctx.attempt >= ctx.maxAttempts)
        await db.$transaction((tx) => markRenderFailed(tx, revisionId, error));
      throw error;
    }
  };
}
