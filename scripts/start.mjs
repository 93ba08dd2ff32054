/**
 * npm start: prepare (a short-lived tsx child: database, sweep, build if needed), then serve
 * in this process on plain Node, so nothing stays resident beside the server.
 *
 * The one-machine start runs the background job worker in this process (JOBS=1) unless JOBS is
 * set: nothing else would render uploaded drawings (docs/decisions/0023-job-queue.md).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const tsx = path.resolve("node_modules", ".bin", "tsx");
const prepared = spawnSync(tsx, ["scripts/prepare-start.ts"], { stdio: "inherit" });
if (prepared.status !== 0) process.exit(prepared.status ?? 1);
process.env.NODE_ENV = "production";
process.env.JOBS ??= "1";
await import("./serve.mjs");
