/** Shared by bench:uploads and bench:crash: a prepared data folder and the built server on it. */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export type Served = {
  url: string;
  port: number;
  child: ChildProcess;
  exited: Promise<number | null>;
};

export function benchEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    DATABASE_PATH: path.join(dataDir, "yanshou.db"),
    UPLOADS_DIR: path.join(dataDir, "uploads"),
    SESSION_SECRET: "bench-only-secret-0123456789abcdef0123456789",
    DEMO_ACTIVITY: "0",
    MALLOC_ARENA_MAX: "2",
  };
}

/** The real start-up's preparation: migrations, seed when empty, sweep, build when stale. */
export function prepare(dataDir: string, port: number) {
  fs.mkdirSync(dataDir, { recursive: true });
  const out = spawnSync(
    path.resolve("node_modules/.bin/tsx"),
    ["scripts/prepare-start.ts", "--quiet"],
    {
      env: benchEnv(dataDir, port),
      encoding: "utf8",
    },
  );
  if (out.status !== 0) throw new Error(`prepare failed: ${out.stdout}${out.stderr}`);
  return out.stdout;
}

export async function serve(dataDir: string, port: number): Promise<Served> {
  const child = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: benchEnv(dataDir, port),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (c: Buffer) => {
    output += c.toString();
  });
  child.stderr!.on("data", (c: Buffer) => {
    output += c.toString();
  });
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  const started = Date.now();
  while (!output.includes("已启动")) {
    if (child.exitCode !== null || child.signalCode) throw new Error(`server exited: ${output}`);
    if (Date.now() - started > 60_000) throw new Error(`server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url: `http://127.0.0.1:${port}`, port, child, exited };
}

/** A free loopback port in this worktree's range (E2E_PORT's hundred). */
export async function freePort(): Promise<number> {
  const base = Math.floor(Number(process.env.E2E_PORT ?? 3201) / 100) * 100;
  for (let port = base + 50; port < base + 100; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer().once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error("no free port");
}

export async function signIn(url: string, username: string) {
  const res = await fetch(`${url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: url },
    body: new URLSearchParams({ username, password: "yanshou2021", redirectTo: "/" }),
  });
  const cookie = res.headers.get("set-cookie");
  if (!cookie) throw new Error(`sign-in failed: ${res.status}`);
  return cookie.split(";")[0]!;
}

export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

/** Files under UPLOADS_DIR that no row names (and temporaries), by kind. */
export async function orphanFiles(
  uploadsDir: string,
  named: { photos: Set<string>; drawings: Set<string> },
) {
  const out: string[] = [];
  for (const [kind, set] of [
    ["photos", named.photos],
    ["drawings", named.drawings],
  ] as const)
    for (const file of filesUnder(path.join(uploadsDir, kind)))
      if (file.includes(`${path.sep}.tmp${path.sep}`) || !set.has(path.basename(file)))
        out.push(file);
  return out;
}

export function percentile(values: number[], p: number) {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}
