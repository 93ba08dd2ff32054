/**
 * One worker loop per app instance (docs/decisions/0023-job-queue.md): claims ready jobs of the
 * kinds it has handlers for, runs up to `concurrency` at once, renews each lease while its
 * handler runs, and records the outcome (done, retry with backoff, dead). A handler that must
 * take effect exactly once writes through `ctx.commit`, which marks the job done in the same
 * transaction and refuses (rolls back) when this worker no longer holds the job.
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { type ClaimedJob, claimJobs, completeJob, failJob, renewLease } from "./queue.server";

/** The error a worker sees when it no longer holds its job (not a refusal: no DomainError). */
export function leaseLost(jobId: string): Error {
  const error = new Error(`job ${jobId}: lease lost (another worker holds it now)`);
  error.name = "LeaseLostError";
  return error;
}

export const isLeaseLost = (error: unknown) =>
  error instanceof Error && error.name === "LeaseLostError";

export type JobContext = {
  id: string;
  kind: string;
  payload: unknown;
  /** this claim's number, 1 for the first run */
  attempt: number;
  /** the attempt after which a failure is final (the job ends dead) */
  maxAttempts: number;
  /** aborted when the lease is lost or the worker stops: stop work, nothing will be recorded */
  signal: AbortSignal;
  /** runs `fn` and marks the job done in one transaction; a lease-lost error (rolled back) if lost */
  commit<T>(fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T>;
};

export type JobHandler = (ctx: JobContext) => Promise<void>;

type Log = {
  info: (obj: object, msg: string) => void;
  error: (obj: object, msg: string) => void;
};

export type WorkerOptions = {
  handlers: Record<string, JobHandler>;
  /** names this instance in leaseOwner (default host:pid:random) */
  owner?: string;
  concurrency?: number;
  /** how long a claim holds without renewal; renewed every third of it */
  leaseMs?: number;
  /** pause between polls when nothing is ready */
  pollMs?: number;
  log?: Log;
};

export type JobWorker = {
  owner: string;
  /** jobs this worker is running now */
  running(): number;
  /** stops claiming, asks running handlers to stop (signal), waits for them up to graceMs */
  stop(graceMs?: number): Promise<void>;
  /** tests: the instance freezes (no more claims, no lease renewal); rows are left as they are */
  kill(): void;
};

const consoleLog: Log = {
  info: () => {},
  error: (obj, msg) => console.error(msg, obj),
};

export function startJobWorker(db: Db, opts: WorkerOptions): JobWorker {
  const owner = opts.owner ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const kinds = Object.keys(opts.handlers);
  const concurrency = opts.concurrency ?? 2;
  const leaseMs = opts.leaseMs ?? 60_000;
  const pollMs = opts.pollMs ?? 1_000;
  const log = opts.log ?? consoleLog;
  const active = new Map<string, { done: Promise<void>; abort: AbortController }>();
  let stopping = false;
  let killed = false;
  let wake: (() => void) | undefined;
  let sleepTimer: NodeJS.Timeout | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      sleepTimer = setTimeout(resolve, ms);
    }).finally(() => {
      clearTimeout(sleepTimer);
      wake = undefined;
    });

  async function run(job: ClaimedJob, abort: AbortController) {
    let committed = false;
    const renew = setInterval(
      () => {
        if (killed) return;
        renewLease(db, job, owner, leaseMs)
          .then((held) => {
            if (!held) abort.abort(leaseLost(job.id));
          })
          .catch((error) =>
            log.error({ jobId: job.id, err: String(error) }, "job lease renewal failed"),
          );
      },
      Math.max(10, Math.floor(leaseMs / 3)),
    );
    const ctx: JobContext = {
      id: job.id,
      kind: job.kind,
      payload: JSON.parse(job.payload),
      attempt: job.attempts,
      maxAttempts: job.maxAttempts,
      signal: abort.signal,
      commit: (fn) =>
        db.$transaction(async (tx) => {
          // The fence first: it locks the job's row, so a claim by another worker waits for this
          // transaction and then finds the job done.
          if (!(await completeJob(tx, job, owner))) throw leaseLost(job.id);
          const out = await fn(tx);
          committed = true;
          return out;
        }),
    };
    const handler = opts.handlers[job.kind]!;
    const started = Date.now();
    try {
      await handler(ctx);
      if (!committed && !(await completeJob(db, job, owner))) throw leaseLost(job.id);
      log.info({ jobId: job.id, kind: job.kind, ms: Date.now() - started }, "job done");
    } catch (error) {
      if (isLeaseLost(error) || isLeaseLost(abort.signal.reason)) {
        log.error({ jobId: job.id, kind: job.kind }, "job lease lost; its result is discarded");
      } else {
        const release = stopping && abort.signal.aborted;
        const recorded = await failJob(db, job, owner, error, { release }).catch(() => false);
        log.error(
          { jobId: job.id, kind: job.kind, attempt: job.attempts, err: String(error), recorded },
          release ? "job released at shutdown" : "job failed",
        );
      }
    } finally {
      clearInterval(renew);
    }
  }

  async function loop() {
    while (!stopping && !killed) {
      let claimed = 0;
      const free = concurrency - active.size;
      if (free > 0) {
        try {
          const jobs = await claimJobs(db, { owner, kinds, max: free, leaseMs });
          claimed = jobs.length;
          for (const job of jobs) {
            if (killed) break;
            const abort = new AbortController();
            const done = run(job, abort).finally(() => {
              active.delete(job.id);
              wake?.();
            });
            active.set(job.id, { done, abort });
          }
        } catch (error) {
          log.error({ err: String(error) }, "job claim failed");
        }
      }
      if (stopping || killed) break;
      // Ready work and a free slot: go again at once; otherwise wait for a poll or a finish.
      if (claimed === 0 || active.size >= concurrency) await sleep(pollMs);
    }
  }

  const looping = loop();
  return {
    owner,
    running: () => active.size,
    async stop(graceMs = 30_000) {
      stopping = true;
      wake?.();
      await looping;
      for (const { abort } of active.values()) abort.abort(new Error("worker stopping"));
      const all = Promise.all([...active.values()].map((a) => a.done));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([all, new Promise((r) => (timer = setTimeout(r, graceMs)))]);
      clearTimeout(timer);
    },
    kill() {
      killed = true;
      wake?.();
    },
  };
}
