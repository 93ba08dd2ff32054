/**
 * npm start: prepare (a short-lived tsx child: database, sweep, build if needed), then serve
 * in this process on plain Node, so nothing stays resident beside the server.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const tsx = path.resolve("node_modules", ".bin", "tsx");
const prepared = spawnSync(tsx, ["scripts/prepare-start.ts"], { stdio: "inherit" });
if (prepared.status !== 0) process.exit(prepared.status ?? 1);
process.env.NODE_ENV = "production";
await import("./serve.mjs");
