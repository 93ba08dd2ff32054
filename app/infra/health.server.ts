import fs from "node:fs/promises";
import path from "node:path";
import pkg from "../../package.json";
import { db as appDb, type Db, dbKind } from "./db.server";
import { env } from "./env.server";

export type Health = {
  ok: boolean;
  version: string;
  database: { kind: "sqlite" | "postgres"; ok: boolean };
  storage: { ok: boolean };
  /**
   * The job queue across all instances: `waitingSeconds` is how long the oldest job that is due
   * has waited unclaimed (0 when none waits). Not part of `ok`: a stalled queue means no worker
   * runs (JOBS=1 on no instance), not that this instance cannot serve pages.
   */
  jobs: { ok: boolean; waitingSeconds: number | null };
};

/** A due job waiting longer than this unclaimed means no worker is running (or keeping up). */
export const JOBS_STALLED_S = 5 * 60;

function reason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const text = error.message.trim().split("\n")[0] || (code ? String(code) : "") || error.name;
  return text.slice(0, 200);
}

/**
 * /healthz: the database answers a query, the uploads folder takes a file (written and
 * removed), and the running version. For load balancers and monitoring; no data in the answer.
 */
export async function checkHealth(
  db: Db = appDb(),
  uploadsDir: string = env().uploadsDir,
): Promise<Health> {
  const database: Health["database"] = { kind: dbKind(db), ok: true };
  try {
    await db.$queryRaw`SELECT 1`;
  } catch (error) {
    // The reason goes to the log, never into the public answer (hosts, paths, pids).
    console.error(`healthz: database: ${reason(error)}`);
    database.ok = false;
  }
  const storage: Health["storage"] = { ok: true };
  const probe = path.join(uploadsDir, `.healthz-${process.pid}-${Date.now()}`);
  try {
    await fs.writeFile(probe, "ok");
    await fs.rm(probe);
  } catch (error) {
    console.error(`healthz: storage: ${reason(error)}`);
    storage.ok = false;
  }
  const jobs: Health["jobs"] = { ok: false, waitingSeconds: null };
  if (database.ok) {
    try {
      const now = new Date();
      const oldest = await db.backgroundJob.findFirst({
        where: { status: "queued", runAfter: { lte: now } },
        orderBy: { runAfter: "asc" },
        select: { runAfter: true },
      });
      jobs.waitingSeconds = oldest
        ? Math.max(0, Math.round((now.getTime() - oldest.runAfter.getTime()) / 1000))
        : 0;
      jobs.ok = jobs.waitingSeconds <= JOBS_STALLED_S;
    } catch (error) {
      console.error(`healthz: jobs: ${reason(error)}`);
    }
  }
  return { ok: database.ok && storage.ok, version: pkg.version, database, storage, jobs };
}
