/**
 * The report.export job (docs/decisions/0038-exports-as-jobs.md): builds one export's file with
 * the register builders the direct download uses, as the requester is allowed *now* (re-read at
 * run time: a user who lost access gets a failed export and no file), stores it content-addressed
 * and marks the row ready through `ctx.commit` (with the job, once). Building twice is harmless:
 * the file is content-addressed and the row is only written while it is not finished.
 */
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { DomainError, isDomainError } from "~/infra/domain-error";
import { z } from "~/infra/zod";
import { isRole, scopeFor } from "~/modules/auth/permissions";
import { isLng } from "~/modules/i18n/config";
import { fixedT } from "~/modules/i18n/i18n.server";
import { isLeaseLost, type JobHandler } from "~/modules/jobs/worker.server";
import type { PhotoStorage } from "~/modules/photo/storage.server";
import { EXPORT_KIND_SPECS, isExportKind } from "./export-kinds.server";
import { exportFileUnused, exportKey, putExport, sha256Of } from "./export-store.server";
import { EXPORT_TTL_MS, type ExportFailure, exportAudience } from "./exports.server";

type Commit = <T>(fn: (tx: Prisma.TransactionClient) => Promise<T>) => Promise<T>;

export type ExportOutcome = "built" | "already" | "missing";

const ParamsSchema = z.object({
  filter: z.record(z.string(), z.string()).default({}),
  lng: z.string().default("zh-CN"),
  for: z.string().optional(),
});

const noAccess = () => new DomainError("defect:exports.errors.noAccess", { status: 403 });

/** The requester as they are now: active, allowed to export, allowed to see these rows. */
async function requesterNow(db: Db, userId: string, view: Parameters<typeof scopeFor>[1]) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { role: true, organizationId: true, active: true },
  });
  if (!user?.active || !isRole(user.role)) throw noAccess();
  const scope = scopeFor(user.role, view);
  if (scopeFor(user.role, "report.export") === null || scope === null) throw noAccess();
  return { actor: { role: user.role, organizationId: user.organizationId }, scope };
}

/**
 * Builds and stores one export's file and marks it ready. `commit` runs the database write (the
 * worker's `ctx.commit`); by default a transaction. A refusal (DomainError: no access any more,
 * a compound out of reach) or a storage error is thrown; nothing is written then.
 */
export async function buildExport(
  db: Db,
  storage: PhotoStorage,
  exportId: string,
  opts: { commit?: Commit; now?: () => Date } = {},
): Promise<ExportOutcome> {
  const now = opts.now ?? (() => new Date());
  const row = await db.reportExport.findUnique({
    where: { id: exportId },
    select: { id: true, kind: true, params: true, status: true, requestedById: true },
  });
  if (!row) return "missing";
  if (row.status === "ready" || row.status === "failed") return "already";
  if (!isExportKind(row.kind)) throw new DomainError("defect:exports.errors.unknownKind");
  const spec = EXPORT_KIND_SPECS[row.kind];
  await db.reportExport.updateMany({
    where: { id: row.id, status: "queued" },
    data: { status: "running" },
  });
  const { actor, scope } = await requesterNow(db, row.requestedById, spec.view);
  const params = ParamsSchema.parse(JSON.parse(row.params));
  // Moved to another organisation or role since asking: the file would be for someone else.
  if (params.for !== undefined && params.for !== exportAudience(actor)) throw noAccess();
  const lng = isLng(params.lng) ? params.lng : "zh-CN";
  const filter = spec.schema.parse(params.filter);
  const bytes = await spec.build(db, actor, scope, filter, lng);
  const sha256 = sha256Of(bytes);
  const key = exportKey(sha256);
  const { created } = await putExport(storage, key, bytes);
  const commit: Commit = opts.commit ?? ((fn) => db.$transaction(fn));
  try {
    const written = await commit(async (tx) => {
      const at = now();
      // Only while unfinished: a replayed job writes nothing.
      const { count } = await tx.reportExport.updateMany({
        where: { id: row.id, status: { in: ["queued", "running"] } },
        data: {
          status: "ready",
          fileKey: key,
          fileSha256: sha256,
          fileBytes: bytes.length,
          filename: spec.filename(fixedT(lng)),
          error: null,
          finishedAt: at,
          expiresAt: new Date(at.getTime() + EXPORT_TTL_MS),
        },
      });
      return count === 1;
    });
    if (!written && created && (await exportFileUnused(db, sha256, row.id)))
      await storage.remove(key);
    return written ? "built" : "already";
  } catch (error) {
    if (created && (await exportFileUnused(db, sha256, row.id))) await storage.remove(key);
    throw error;
  }
}

/** Marks an unfinished export failed, with a message key (shown in the reader's language). */
export async function markExportFailed(
  tx: Prisma.TransactionClient,
  exportId: string,
  error: unknown,
  now = new Date(),
) {
  const failure: ExportFailure = isDomainError(error)
    ? { code: error.code, params: error.params }
    : { code: "defect:exports.errors.buildFailed", params: {} };
  const { count } = await tx.reportExport.updateMany({
    where: { id: exportId, status: { in: ["queued", "running"] } },
    data: { status: "failed", error: JSON.stringify(failure), finishedAt: now },
  });
  return count === 1;
}

const payloadSchema = z.object({ exportId: z.string().min(1) });

/**
 * The report.export handler. A refusal (DomainError) fails the export at once (the job is done);
 * any other error is retried, and the export fails on the last attempt (the job ends dead).
 */
export function reportExportHandler(db: Db, storage: () => PhotoStorage): JobHandler {
  return async (ctx) => {
    const { exportId } = payloadSchema.parse(ctx.payload);
    try {
      await buildExport(db, storage(), exportId, { commit: ctx.commit });
    } catch (error) {
      if (isLeaseLost(error) || ctx.signal.aborted) throw error;
      if (isDomainError(error)) {
        await ctx.commit((tx) => markExportFailed(tx, exportId, error));
        return;
      }
      if (ctx.attempt >= ctx.maxAttempts)
        await db.$transaction((tx) => markExportFailed(tx, exportId, error));
      throw error;
    }
  };
}
