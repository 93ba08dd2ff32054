import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { EnvError, env } from "~/infra/env.server";
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
  const e = env();
  await prepareDatabase();
  buildIfNeeded();
  // server.mjs: remix-serve plus the request gate (headers, origin, body size), see its header.
  const server = spawn(process.execPath, [path.resolve("server.mjs")], {
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(e.port),
      BUILD_DIR: path.dirname(path.dirname(serverBuild)),
    },
  });
  server.stdout.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    // The server prints its own URL line; replace it with ours.
    if (text.includes("[yanshou-server]")) {
      console.log(`\n验收 yanshou 已启动: http://localhost:${e.port}`);
      printDemoSignIns();
    } else process.stdout.write(text);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
