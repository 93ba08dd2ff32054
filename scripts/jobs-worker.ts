/**
 * npm run jobs:work: a job worker as its own process (e.g. a second systemd unit beside the web
 * instances), with the same database configuration as the app (DATABASE_URL / DATABASE_PATH).
 * JOBS=1 is implied. SIGTERM/SIGINT: stop claiming, let running jobs finish (or go back to the
 * queue), exit. See docs/decisions/0023-job-queue.md.
 */
import pino from "pino";
import { db } from "~/infra/db.server";
import { jobCounts } from "~/modules/jobs/queue.server";
import { startJobs } from "~/modules/jobs/start.server";

const log = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { pid: process.pid, part: "jobs" },
});
const runtime = startJobs({ env: { ...process.env, JOBS: "1" }, log });
if (!runtime) process.exit(1);
log.info({ owner: runtime.worker.owner, counts: await jobCounts(db()) }, "job worker started");

for (const signal of ["SIGTERM", "SIGINT"] as const)
  process.once(signal, async () => {
    log.info({ signal, running: runtime.worker.running() }, "job worker stopping");
    await runtime.stop(Number(process.env.SHUTDOWN_GRACE_S ?? 60) * 1000);
    await db().$disconnect();
    process.exit(0);
  });
