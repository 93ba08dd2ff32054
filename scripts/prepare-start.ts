/**
 * The preparing half of `npm start` (and the systemd unit's ExecStartPre): environment check,
 * migrations, demo seed when empty, the start-up file sweep, and a build when the sources are
 * newer than it. Then it exits; the server itself (scripts/serve.mjs) runs on plain Node.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { env } from "~/infra/env.server";
import { isFailure } from "~/infra/failure";
import { prepareDatabase, printDemoSignIns } from "./prepare-db";

const bin = (name: string) => path.resolve("node_modules", ".bin", name);
const serverBuild = path.resolve(process.env.BUILD_DIR ?? "build", "server", "index.js");

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((max, name) => Math.max(max, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

function buildIfNeeded() {
  const built = fs.statSync(serverBuild, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = Math.max(
    newestMtime("app"),
    newestMtime("vite.config.ts"),
    newestMtime("package.json"),
  );
  if (built >= sources) return;
  console.log("正在构建 (building)…");
  execFileSync(bin("remix"), ["vite:build"], { stdio: ["ignore", "ignore", "inherit"] });
}

async function main() {
  env();
  await prepareDatabase();
  buildIfNeeded();
  if (!process.argv.includes("--quiet")) printDemoSignIns();
}

main().catch((error: unknown) => {
  console.error(isFailure(error, "env") ? error.message : error);
  process.exit(1);
});
