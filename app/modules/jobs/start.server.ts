/**
 * Starting the job worker of this instance (docs/decisions/0023-job-queue.md). Off unless
 * JOBS=1: `scripts/serve.mjs` calls `startJobs` from the built server entry when the entry
 * exports it, and `npm run jobs:work` runs a worker as its own process.
 *
 * Periodic jobs are enqueued by every instance with one idempotency key per time slot, so the
 * slot's job exists once however many instances run, and runs once.
 */
import { db as appDb, type Db } from "~/infra/db.server";
import { syncDueNotifications } from "~/modules/defect/inbox.server";
import { DRAWING_RENDER_JOB, drawingRenderHandler } from "~/modules/drawing/render-job.server";
import { drawingStorage } from "~/modules/drawing/storage.server";
import { reportExportHandler } from "~/modules/report/export-job.server";
import { exportStorage } from "~/modules/report/export-store.server";
import { EXPORT_PRUNE_JOB, pruneExports, REPORT_EXPORT_JOB } from "~/modules/report/exports.server";
import { enqueueJob, pruneJobs } from "./queue.server";
import {
  type JobHandler,
  type JobWorker,
  startJobWorker,
  type WorkerOptions,
} from "./worker.server";

const num = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

export type Periodic = { kind: string; everyMs: number };

/** A slot's due-notification run stops after this; the next slot (10 min later) goes on. */
const DUE_NOTIFICATIONS_BUDGET_MS = 5 * 60_000;

/** The handlers every instance runs. Add a kind here together with the code that enqueues it. */
export function defaultHandlers(db: Db): Record<string, JobHandler> {
  return {
    // Set-based, in bounded batches until none is left (a backlog of 100,000 due defects is
    // caught up in one slot), stopping early when the worker stops or the lease is lost.
    "defect.due-notifications": async ({ signal }) => {
      const until = Date.now() + DUE_NOTIFICATIONS_BUDGET_MS;
      while (!signal.aborted && Date.now() < until && (await syncDueNotifications(db)) > 0);
    },
    "jobs.prune": async () => {
      await pruneJobs(db, new Date(Date.now() - 30 * 24 * 3_600_000));
    },
    // Enqueued by the drawing upload, in its transaction (one job per revision).
    [DRAWING_RENDER_JOB]: drawingRenderHandler(db, drawingStorage),
    // Enqueued with its ReportExport row, in one transaction (large register exports).
    [REPORT_EXPORT_JOB]: reportExportHandler(db, exportStorage),
    // Ready exports expire after 7 days.
    [EXPORT_PRUNE_JOB]: async () => {
      await pruneExports(db, exportStorage());
    },
  };
}

export const DEFAULT_PERIODIC: Periodic[] = [
  { kind: "defect.due-notifications", everyMs: 10 * 60_000 },
  { kind: "jobs.prune", everyMs: 24 * 3_600_000 },
  { kind: EXPORT_PRUNE_JOB, everyMs: 6 * 3_600_000 },
];

/** Enqueues the current slot's job of each periodic kind (a no-op if already there). */
export async function enqueuePeriodic(db: Db, periodic: Periodic[], now = new Date()) {
  for (const p of periodic) {
    const slot = new Date(Math.floor(now.getTime() / p.everyMs) * p.everyMs);
    await enqueueJob(db, {
      kind: p.kind,
      idempotencyKey: `${p.kind}@${slot.toISOString()}`,
      runAfter: slot,
      maxAttempts: 3,
    });
  }
}

export type JobsRuntime = { worker: JobWorker; stop: (graceMs?: number) => Promise<void> };

const globalJobs = globalThis as unknown as { yanshouJobs?: JobsRuntime };

/**
 * Starts this process's worker (once) when JOBS=1, else returns undefined. JOBS_CONCURRENCY
 * (default 2), JOBS_LEASE_S (default 60) and JOBS_POLL_MS (default 1000) tune it.
 */
export function startJobs(
  opts: {
    db?: Db;
    env?: Record<string, string | undefined>;
    log?: WorkerOptions["log"];
    handlers?: Record<string, JobHandler>;
    periodic?: Periodic[];
  } = {},
): JobsRuntime | undefined {
  const env = opts.env ?? process.env;
  if (env.JOBS !== "1") return undefined;
  if (globalJobs.yanshouJobs) return globalJobs.yanshouJobs;
  const db = opts.db ?? appDb();
  const periodic = opts.periodic ?? DEFAULT_PERIODIC;
  const worker = startJobWorker(db, {
    handlers: opts.handlers ?? defaultHandlers(db),
    concurrency: num(env.JOBS_CONCURRENCY, 2),
    leaseMs: num(env.JOBS_LEASE_S, 60) * 1000,
    pollMs: num(env.JOBS_POLL_MS, 1000),
    log: opts.log,
  });
  const stopSchedule = schedulePeriodic(db, periodic, opts.log);
  const runtime: JobsRuntime = {
    worker,
    async stop(graceMs) {
      stopSchedule();
      await worker.stop(graceMs);
      globalJobs.yanshouJobs = undefined;
    },
  };
  globalJobs.yanshouJobs = runtime;
  return runtime;
}

/**
 * Enqueues each periodic kind's current slot now and every minute; returns the stop. Every
 * instance does this, worker or not (JOBS=0 too, see scripts/serve.mjs): with no worker anywhere
 * the slots then wait unclaimed, and /healthz says so (`jobs.ok` false) instead of due-date
 * reminders stopping without a word.
 */
export function schedulePeriodic(
  db: Db = appDb(),
  periodic: Periodic[] = DEFAULT_PERIODIC,
  log?: WorkerOptions["log"],
): () => void {
  const schedule = () =>
    enqueuePeriodic(db, periodic).catch((error) =>
      log?.error({ err: String(error) }, "periodic job enqueue failed"),
    );
  void schedule();
  const timer = setInterval(schedule, 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
