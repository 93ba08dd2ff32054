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
};

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
  return { ok: database.ok && storage.ok, version: pkg.version, database, storage };
}
