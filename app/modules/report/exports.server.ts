/**
 * Large register exports as background jobs (docs/decisions/0038-exports-as-jobs.md): asking,
 * listing, reading one, its file, and the expiry. Every read is by the requester: another user's
 * export is not found, whatever its id.
 */
import type { Db } from "~/infra/db.server";
import type { MessageParams } from "~/infra/domain-error";
import { env } from "~/infra/env.server";
import type { MessageKey } from "~/locales/resources";
import { type Actor, type Scope, scopeFor } from "~/modules/auth/permissions";
import type { Lng } from "~/modules/i18n/config";
import { enqueueJob } from "~/modules/jobs/queue.server";
import type { PhotoStorage } from "~/modules/photo/storage.server";
import {
  directExportUrl,
  EXPORT_KIND_SPECS,
  type ExportKind,
  exportFilter,
  isExportKind,
} from "./export-kinds.server";
import { exportFileUnused } from "./export-store.server";

export const REPORT_EXPORT_JOB = "report.export";
export const EXPORT_PRUNE_JOB = "report.export-prune";
/** One job per export, however often it is enqueued. */
export const exportJobKey = (exportId: string) => `${REPORT_EXPORT_JOB}:${exportId}`;

/** A ready file is kept this long; then the daily prune removes the row (and the file if unused). */
export const EXPORT_TTL_MS = 7 * 24 * 3_600_000;
/**
 * Still unfinished this long after it was asked: its job died without saying so (a worker killed
 * on every attempt); the prune marks it failed, so it neither shows 生成中 forever nor keeps the
 * prune and the sweep from removing unused files.
 */
export const EXPORT_GIVE_UP_MS = 24 * 3_600_000;
/** Queued this long and not started: most likely no worker runs (the page says so). */
export const EXPORT_STALE_MS = 30_000;

/** `for`: whom the file is for (role and organisation when asked); a download checks it again. */
export type ExportParams = { filter: Record<string, string>; lng: Lng; for?: string };

/** The role and organisation an export is made for, and may be downloaded by. */
export const exportAudience = (actor: Actor) => `${actor.role}@${actor.organizationId}`;
export type ExportFailure = { code: MessageKey; params: MessageParams };

export type ExportStart =
  | { kind: "direct"; url: string }
  | { kind: "queued"; exportId: string; jobId: string };

/**
 * Asks for an export: counts the rows the filter matches for this viewer; up to `threshold` the
 * direct download answers (one tap, as before); above it the export row and its job are made in
 * one transaction (the job exists iff the row does).
 */
export async function requestExport(
  db: Db,
  viewer: Actor & { id: string },
  scope: Scope,
  input: { kind: ExportKind; query: string; lng: Lng },
  opts: { threshold?: number } = {},
): Promise<ExportStart> {
  const spec = EXPORT_KIND_SPECS[input.kind];
  const filter = exportFilter(input.kind, input.query);
  const rows = await spec.count(db, viewer, scope, filter);
  if (rows <= (opts.threshold ?? env().exportJobRows))
    return { kind: "direct", url: directExportUrl(input.kind, filter) };
  const params: ExportParams = {
    filter: filter as Record<string, string>,
    lng: input.lng,
    for: exportAudience(viewer),
  };
  return db.$transaction(async (tx) => {
    // The same file asked for again while it is being built (a second tap, an impatient
    // reload): one build, one page.
    const building = await tx.reportExport.findFirst({
      where: {
        requestedById: viewer.id,
        kind: input.kind,
        params: JSON.stringify(params),
        status: { in: ["queued", "running"] },
      },
      select: { id: true },
    });
    if (building) {
      const job = await tx.backgroundJob.findUnique({
        where: { idempotencyKey: exportJobKey(building.id) },
        select: { id: true },
      });
      return { kind: "queued" as const, exportId: building.id, jobId: job?.id ?? "" };
    }
    const row = await tx.reportExport.create({
      data: {
        requestedById: viewer.id,
        kind: input.kind,
        params: JSON.stringify(params),
        rowCount: rows,
      },
      select: { id: true },
    });
    const job = await enqueueJob(tx, {
      kind: REPORT_EXPORT_JOB,
      payload: { exportId: row.id },
      idempotencyKey: exportJobKey(row.id),
      maxAttempts: 3,
    });
    return { kind: "queued" as const, exportId: row.id, jobId: job.id };
  });
}

export function parseExportError(text: string | null): ExportFailure | null {
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as ExportFailure;
    if (typeof parsed.code === "string") return { code: parsed.code, params: parsed.params ?? {} };
  } catch {}
  return { code: "defect:exports.errors.buildFailed", params: {} };
}

const VIEW_SELECT = {
  id: true,
  kind: true,
  status: true,
  rowCount: true,
  fileBytes: true,
  filename: true,
  error: true,
  createdAt: true,
  finishedAt: true,
  expiresAt: true,
} as const;

type Row = {
  id: string;
  kind: string;
  status: string;
  rowCount: number;
  fileBytes: number | null;
  filename: string | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  expiresAt: Date | null;
};

function view(r: Row, now: Date) {
  const pending = r.status === "queued" || r.status === "running";
  return {
    id: r.id,
    kind: isExportKind(r.kind) ? r.kind : ("defects.xlsx" as ExportKind),
    status: r.status as "queued" | "running" | "ready" | "failed",
    pending,
    /** queued for a while and no worker took it: probably none runs */
    stale: r.status === "queued" && now.getTime() - r.createdAt.getTime() > EXPORT_STALE_MS,
    rowCount: r.rowCount,
    bytes: r.fileBytes,
    filename: r.filename,
    error: parseExportError(r.error),
    createdAt: r.createdAt,
    finishedAt: r.finishedAt,
    expiresAt: r.expiresAt,
  };
}
export type ExportView = ReturnType<typeof view>;

/** Not a ready file past its time (the prune removes it within hours; no 下载 meanwhile). */
const unexpired = (now: Date) => ({ NOT: { status: "ready", expiresAt: { lte: now } } });

/** The requester's own exports, newest first (expired ones are gone). */
export async function listExports(db: Db, userId: string, now = new Date()) {
  const rows = await db.reportExport.findMany({
    where: { requestedById: userId, ...unexpired(now) },
    select: VIEW_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
  });
  return rows.map((r) => view(r, now));
}

/** One export of the requester's; null for anyone else's (the route answers 404). */
export async function exportOf(db: Db, userId: string, id: string, now = new Date()) {
  const row = await db.reportExport.findFirst({
    where: { id, requestedById: userId, ...unexpired(now) },
    select: VIEW_SELECT,
  });
  return row ? view(row, now) : null;
}

/**
 * The requester's ready, unexpired file as a stream; null otherwise, and null too once the
 * requester's role or organisation is no longer the one the file was made for (moved to another
 * contractor, the role changed): the rows in it were theirs to see then, not necessarily now.
 */
export async function exportFile(
  db: Db,
  storage: PhotoStorage,
  viewer: Actor & { id: string },
  id: string,
  now = new Date(),
) {
  const row = await db.reportExport.findFirst({
    where: { id, requestedById: viewer.id, status: "ready", expiresAt: { gt: now } },
    select: { kind: true, fileKey: true, filename: true, params: true },
  });
  if (!row?.fileKey || !isExportKind(row.kind)) return null;
  if (scopeFor(viewer.role, EXPORT_KIND_SPECS[row.kind].view) === null) return null;
  const made = (JSON.parse(row.params) as Partial<ExportParams>).for;
  if (made !== undefined && made !== exportAudience(viewer)) return null;
  const file = await storage.read(row.fileKey);
  if (!file) return null;
  return {
    ...file,
    filename: row.filename ?? "export",
    contentType: EXPORT_KIND_SPECS[row.kind].contentType,
  };
}

/**
 * The expiry: removes ready exports past their time and failed ones as old, and each removed
 * file no remaining row names (content-addressed: another export may share it). Exports still
 * unfinished after a day are marked failed first.
 */
export async function pruneExports(db: Db, storage: PhotoStorage, now = new Date()) {
  const failure: ExportFailure = { code: "defect:exports.errors.buildFailed", params: {} };
  await db.reportExport.updateMany({
    where: {
      status: { in: ["queued", "running"] },
      createdAt: { lte: new Date(now.getTime() - EXPORT_GIVE_UP_MS) },
    },
    data: { status: "failed", error: JSON.stringify(failure), finishedAt: now },
  });
  const old = await db.reportExport.findMany({
    where: {
      OR: [
        { status: "ready", expiresAt: { lte: now } },
        { status: "failed", createdAt: { lte: new Date(now.getTime() - EXPORT_TTL_MS) } },
      ],
    },
    select: { id: true, fileKey: true, fileSha256: true },
    take: 1000,
  });
  if (old.length === 0) return { removed: 0, files: 0 };
  await db.reportExport.deleteMany({ where: { id: { in: old.map((r) => r.id) } } });
  let files = 0;
  for (const key of new Set(old.flatMap((r) => (r.fileKey ? [r.fileKey] : [])))) {
    const sha = key.slice(key.lastIndexOf("/") + 1);
    if (!(await exportFileUnused(db, sha))) continue;
    await storage.remove(key);
    files += 1;
  }
  return { removed: old.length, files };
}
