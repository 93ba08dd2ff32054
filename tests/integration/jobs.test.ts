/**
 * The background job queue across instances (docs/decisions/0023-job-queue.md): each instance is
 * its own database client on one shared database, SQLite or (TEST_DATABASE_URL) PostgreSQL.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import type { Db } from "~/infra/db.server";
import { checkHealth, JOBS_STALLED_S } from "~/infra/health.server";
import { claimJobs, enqueueJob, jobCounts } from "~/modules/jobs/queue.server";
import { schedulePeriodic } from "~/modules/jobs/start.server";
import { isLeaseLost, type JobHandler, startJobWorker } from "~/modules/jobs/worker.server";
import { sharedTestDb } from "../support/shared-db";

const shared = await sharedTestDb({ seeded: false });
const quiet = { info: () => {}, error: () => {} };

async function until(check: () => Promise<boolean>, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not reached in time");
    await delay(20);
  }
}

const statusOf = async (db: Db, id: string) =>
  (await db.backgroundJob.findUniqueOrThrow({ where: { id } })).status;

describe("job queue", () => {
  it("enqueues one job per idempotency key", async () => {
    const db = shared.open();
    const first = await enqueueJob(db, { kind: "k.once", idempotencyKey: "lot-1:render" });
    const again = await enqueueJob(db, { kind: "k.once", idempotencyKey: "lot-1:render" });
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    const raced = await Promise.all(
      Array.from({ length: 8 }, () =>
        enqueueJob(db, { kind: "k.once", idempotencyKey: "lot-2:render" }),
      ),
    );
    expect(new Set(raced.map((r) => r.id)).size).toBe(1);
    expect(await db.backgroundJob.count({ where: { kind: "k.once" } })).toBe(2);
  });

  it("two instances racing over 200 jobs run each exactly once", async () => {
    const a = shared.open();
    const b = shared.open();
    const ids = new Set<string>();
    for (let i = 0; i < 200; i++)
      ids.add((await enqueueJob(a, { kind: "k.race", payload: { i } })).id);
    const runs: Record<string, string[]> = {};
    const handler =
      (who: string): JobHandler =>
      async (ctx) => {
        runs[ctx.id] = [...(runs[ctx.id] ?? []), who];
        await delay(1);
      };
    const wa = startJobWorker(a, {
      handlers: { "k.race": handler("a") },
      concurrency: 4,
      pollMs: 10,
      log: quiet,
    });
    const wb = startJobWorker(b, {
      handlers: { "k.race": handler("b") },
      concurrency: 4,
      pollMs: 10,
      log: quiet,
    });
    await until(
      async () =>
        (await a.backgroundJob.count({ where: { kind: "k.race", status: "done" } })) === 200,
      120_000, // 30 s was not enough on PostgreSQL on a busy 2-core machine (load average 20)
    );
    await Promise.all([wa.stop(), wb.stop()]);

    expect(Object.keys(runs).sort()).toEqual([...ids].sort());
    const twice = Object.entries(runs).filter(([, who]) => who.length !== 1);
    expect(twice).toEqual([]);
    const byA = Object.values(runs).filter((w) => w[0] === "a").length;
    // both instances took part: a real race, not one worker draining the queue alone
    expect(byA).toBeGreaterThan(0);
    expect(200 - byA).toBeGreaterThan(0);
    const rows = await b.backgroundJob.findMany({
      where: { kind: "k.race" },
      select: { attempts: true, status: true },
    });
    expect(rows.every((r) => r.attempts === 1 && r.status === "done")).toBe(true);
  }, 180_000);

  it("retries a failed job after a backoff delay and gives up after maxAttempts", async () => {
    const db = shared.open();
    const flaky = await enqueueJob(db, { kind: "k.flaky", maxAttempts: 3 });
    const doomed = await enqueueJob(db, { kind: "k.doomed", maxAttempts: 1 });
    let flakyRuns = 0;
    const w = startJobWorker(db, {
      handlers: {
        "k.flaky": async () => {
          flakyRuns++;
          if (flakyRuns === 1) throw new Error("renderer crashed");
        },
        "k.doomed": async () => {
          throw new Error("corrupt PDF");
        },
      },
      pollMs: 10,
      log: quiet,
    });
    await until(async () => (await statusOf(db, doomed.id)) === "dead");
    await until(
      async () =>
        (await db.backgroundJob.findUniqueOrThrow({ where: { id: flaky.id } })).lastError !== null,
    );
    const waiting = await db.backgroundJob.findUniqueOrThrow({ where: { id: flaky.id } });
    expect(waiting.status).toBe("queued");
    expect(waiting.lastError).toContain("renderer crashed");
    // first retry 10 s ± 20 % later: not now
    expect(waiting.runAfter.getTime() - Date.now()).toBeGreaterThan(7_000);
    await delay(100);
    expect(flakyRuns).toBe(1);
    // time passes
    await db.backgroundJob.update({ where: { id: flaky.id }, data: { runAfter: new Date() } });
    await until(async () => (await statusOf(db, flaky.id)) === "done");
    await w.stop();
    expect(flakyRuns).toBe(2);
    const dead = await db.backgroundJob.findUniqueOrThrow({ where: { id: doomed.id } });
    expect(dead.attempts).toBe(1);
    expect(dead.lastError).toContain("corrupt PDF");
  });

  it("a killed instance's job runs again on the other after its lease expires, once", async () => {
    const a = shared.open();
    const b = shared.open();
    const job = await enqueueJob(a, { kind: "k.effect", payload: { drawing: "A-101" } });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const outcomes: string[] = [];
    // The effect and the job's completion commit together: one "made" row per successful run.
    const effect =
      (who: string, wait?: Promise<void>): JobHandler =>
      async (ctx) => {
        if (wait) await wait;
        try {
          await ctx.commit((tx) =>
            tx.backgroundJob.create({
              data: { kind: "made", payload: JSON.stringify({ from: ctx.id, who }) },
            }),
          );
          outcomes.push(`${who}:committed`);
        } catch (error) {
          outcomes.push(`${who}:${isLeaseLost(error) ? "lease-lost" : String(error)}`);
          throw error;
        }
      };
    const wa = startJobWorker(a, {
      handlers: { "k.effect": effect("a", gate) },
      leaseMs: 300,
      pollMs: 10,
      log: quiet,
    });
    await until(async () => (await statusOf(a, job.id)) === "running");
    wa.kill(); // frozen: no more lease renewals

    const wb = startJobWorker(b, {
      handlers: { "k.effect": effect("b") },
      leaseMs: 300,
      pollMs: 20,
      log: quiet,
    });
    await until(async () => (await statusOf(b, job.id)) === "done");
    await wb.stop();
    const row = await b.backgroundJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(row.attempts).toBe(2);

    // The frozen instance wakes up and tries to finish: refused, its effect rolled back.
    release();
    await until(async () => outcomes.length === 2);
    expect(outcomes).toEqual(["b:committed", "a:lease-lost"]);
    const made = await b.backgroundJob.findMany({
      where: { kind: "made" },
      select: { payload: true },
    });
    expect(made.map((m) => JSON.parse(m.payload))).toEqual([{ from: job.id, who: "b" }]);
    expect(await statusOf(b, job.id)).toBe("done");
  });

  it("after a restart, queued jobs and a dead instance's leased job are run", async () => {
    const before = shared.open();
    const queued = [];
    for (let i = 0; i < 5; i++)
      queued.push((await enqueueJob(before, { kind: "k.resume", payload: { i } })).id);
    // an instance claimed one and died holding it
    const [held] = await claimJobs(before, {
      owner: "dead-instance",
      kinds: ["k.resume"],
      max: 1,
      leaseMs: 200,
    });
    expect(held).toBeDefined();
    await before.$disconnect();

    const after = shared.open();
    const ran: string[] = [];
    const w = startJobWorker(after, {
      handlers: { "k.resume": async (ctx) => void ran.push(ctx.id) },
      pollMs: 20,
      log: quiet,
    });
    await until(
      async () =>
        (await after.backgroundJob.count({ where: { kind: "k.resume", status: "done" } })) === 5,
    );
    await w.stop();
    expect(ran.sort()).toEqual([...queued].sort());
    expect((await jobCounts(after)).running).toBe(0);
  });
});

describe("/healthz and the queue", () => {
  it("reports how long the oldest due job has waited unclaimed, and flags a queue nobody works", async () => {
    const db = (await sharedTestDb({ seeded: false })).open();
    const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "healthz-jobs-"));
    try {
      expect((await checkHealth(db, uploads)).jobs).toEqual({ ok: true, waitingSeconds: 0 });
      // Due later: nobody is late yet.
      await enqueueJob(db, { kind: "k.later", runAfter: new Date(Date.now() + 60_000) });
      expect((await checkHealth(db, uploads)).jobs).toEqual({ ok: true, waitingSeconds: 0 });
      // Due ten minutes ago and still queued: no worker runs (JOBS=1 on no instance).
      await enqueueJob(db, { kind: "k.stuck", runAfter: new Date(Date.now() - 600_000) });
      const health = await checkHealth(db, uploads);
      expect(health.jobs.ok).toBe(false);
      expect(health.jobs.waitingSeconds).toBeGreaterThanOrEqual(JOBS_STALLED_S);
      // The instance itself still serves pages: the load balancer keeps it.
      expect(health.ok).toBe(true);
      // An instance without a worker (JOBS=0) still queues the periodic slots, once however many
      // instances do: with no worker anywhere they wait, and the answer above says so.
      const stops = [schedulePeriodic(db), schedulePeriodic(db)];
      await until(
        async () =>
          (await db.backgroundJob.count({ where: { kind: "defect.due-notifications" } })) === 1,
      );
      for (const stop of stops) stop();
      expect(
        await db.backgroundJob.count({ where: { kind: "jobs.prune", status: "queued" } }),
      ).toBe(1);
    } finally {
      fs.rmSync(uploads, { recursive: true, force: true });
    }
  });
});
