/**
 * The background job queue's table operations (docs/decisions/0023-job-queue.md): enqueue,
 * claim, renew, finish. Portable across SQLite and PostgreSQL: every state change is one
 * conditional UPDATE (compare-and-set on status, lease and the attempt counter), so two
 * instances can never both hold a job, and a late write of a worker that lost its lease
 * changes nothing.
 */

import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { isUniqueViolation } from "~/infra/db-errors";
import { retryDelayMs } from "./backoff";

export type JobStatus = "queued" | "running" | "done" | "dead";

/** A client or a transaction client: enqueue inside the transaction of the change it follows. */
export type JobDb = Db | Prisma.TransactionClient;

export type EnqueueInput = {
  kind: string;
  payload?: unknown;
  /** a second enqueue with this key returns the first job instead of adding one */
  idempotencyKey?: string;
  /** not before this time (default now) */
  runAfter?: Date;
  maxAttempts?: number;
};

export type EnqueuedJob = { id: string; created: boolean };

export async function enqueueJob(db: JobDb, input: EnqueueInput): Promise<EnqueuedJob> {
  const key = input.idempotencyKey;
  if (key !== undefined) {
    // Looked up first: inside a PostgreSQL transaction a refused INSERT aborts the transaction.
    const existing = await db.backgroundJob.findUnique({
      where: { idempotencyKey: key },
      select: { id: true },
    });
    if (existing) return { id: existing.id, created: false };
  }
  try {
    const job = await db.backgroundJob.create({
      data: {
        kind: input.kind,
        payload: JSON.stringify(input.payload ?? {}),
        idempotencyKey: key ?? null,
        runAfter: input.runAfter ?? new Date(),
        maxAttempts: input.maxAttempts ?? 5,
      },
      select: { id: true },
    });
    return { id: job.id, created: true };
  } catch (error) {
    // Two enqueuers with one key raced: the other one's job is the job.
    if (key === undefined || !isUniqueViolation(error)) throw error;
    const winner = await db.backgroundJob.findUniqueOrThrow({
      where: { idempotencyKey: key },
      select: { id: true },
    });
    return { id: winner.id, created: false };
  }
}

/** A job held by one worker: `attempts` is this claim's number and fences every later write. */
export type ClaimedJob = {
  id: string;
  kind: string;
  payload: string;
  attempts: number;
  maxAttempts: number;
  leaseUntil: Date;
};

/** Jobs ready now: queued and due, or running under a lease that has expired (its worker died). */
const claimable = (kinds: readonly string[], now: Date) => ({
  kind: { in: [...kinds] },
  OR: [
    { status: "queued", runAfter: { lte: now } },
    { status: "running", leaseUntil: { lt: now } },
  ],
});

/**
 * Claims up to `max` ready jobs of the given kinds for `owner`, oldest due first. Each claim is
 * one conditional UPDATE on the row as it was read (status, attempts and, for an expired lease,
 * leaseUntil still below now): of two workers reading the same candidate, exactly one changes
 * it. The losers move on to the next candidate.
 */
export async function claimJobs(
  db: Db,
  opts: { owner: string; kinds: readonly string[]; max: number; leaseMs: number; now?: Date },
): Promise<ClaimedJob[]> {
  if (opts.max <= 0 || opts.kinds.length === 0) return [];
  const now = opts.now ?? new Date();
  const candidates = await db.backgroundJob.findMany({
    where: claimable(opts.kinds, now),
    select: { id: true, kind: true, payload: true, attempts: true, maxAttempts: true },
    orderBy: [{ runAfter: "asc" }, { id: "asc" }],
    // more than needed: some are taken by other workers between this read and the claim
    take: opts.max * 4,
  });
  // Workers start at different places in the list, so they seldom collide on one row.
  const start = candidates.length > 0 ? Math.floor(Math.random() * candidates.length) : 0;
  const claimed: ClaimedJob[] = [];
  for (let i = 0; i < candidates.length && claimed.length < opts.max; i++) {
    const c = candidates[(start + i) % candidates.length]!;
    const leaseUntil = new Date(now.getTime() + opts.leaseMs);
    const won = await db.backgroundJob.updateMany({
      where: { id: c.id, attempts: c.attempts, ...claimable(opts.kinds, now) },
      data: {
        status: "running",
        leaseOwner: opts.owner,
        leaseUntil,
        attempts: c.attempts + 1,
      },
    });
    if (won.count === 1) claimed.push({ ...c, attempts: c.attempts + 1, leaseUntil });
  }
  return claimed;
}

/** The row still belongs to this claim: same owner, same attempt, still running. */
export const heldBy = (job: ClaimedJob, owner: string) => ({
  id: job.id,
  status: "running",
  leaseOwner: owner,
  attempts: job.attempts,
});

/** Extends the lease; false when it was lost (expired and taken by another worker). */
export async function renewLease(db: Db, job: ClaimedJob, owner: string, leaseMs: number) {
  const leaseUntil = new Date(Date.now() + leaseMs);
  const r = await db.backgroundJob.updateMany({
    where: heldBy(job, owner),
    data: { leaseUntil },
  });
  if (r.count === 1) job.leaseUntil = leaseUntil;
  return r.count === 1;
}

/** Marks the job done; false when the claim was lost (then nothing is written). */
export async function completeJob(db: JobDb, job: ClaimedJob, owner: string) {
  const r = await db.backgroundJob.updateMany({
    where: heldBy(job, owner),
    data: { status: "done", finishedAt: new Date(), leaseOwner: null, leaseUntil: null },
  });
  return r.count === 1;
}

/**
 * A failed attempt: back to queued after a backoff delay, or dead after maxAttempts. `release`
 * (the worker is shutting down, not the job's fault) requeues at once and does not count it.
 */
export async function failJob(
  db: Db,
  job: ClaimedJob,
  owner: string,
  error: unknown,
  opts: { release?: boolean } = {},
) {
  const message = (error instanceof Error ? error.stack || error.message : String(error)).slice(
    0,
    2000,
  );
  const dead = !opts.release && job.attempts >= job.maxAttempts;
  const r = await db.backgroundJob.updateMany({
    where: heldBy(job, owner),
    data: dead
      ? { status: "dead", lastError: message, finishedAt: new Date(), leaseUntil: null }
      : {
          status: "queued",
          lastError: opts.release ? undefined : message,
          runAfter: new Date(Date.now() + (opts.release ? 0 : retryDelayMs(job.attempts))),
          // attempts only grows (it fences late writes); a release gives the attempt back instead
          maxAttempts: opts.release ? job.maxAttempts + 1 : job.maxAttempts,
          leaseOwner: null,
          leaseUntil: null,
        },
  });
  return r.count === 1;
}

/** Deletes finished jobs older than `olderThan` (their idempotency keys become free again). */
export async function pruneJobs(db: Db, olderThan: Date) {
  const r = await db.backgroundJob.deleteMany({
    where: { status: { in: ["done", "dead"] }, finishedAt: { lt: olderThan } },
  });
  return r.count;
}

/** Counts per status, for /healthz-style checks and the operations docs. */
export async function jobCounts(db: Db): Promise<Record<JobStatus, number>> {
  const rows = await db.backgroundJob.groupBy({ by: ["status"], _count: { _all: true } });
  const out: Record<JobStatus, number> = { queued: 0, running: 0, done: 0, dead: 0 };
  for (const r of rows) out[r.status as JobStatus] = r._count._all;
  return out;
}
