/**
 * npm run bench:scale [-- --no-build] [--seconds 2.5]
 *
 * County scale: generates (or reuses) the big database, builds the app, starts it on a free
 * loopback port and measures every main page as supervisor, contractor and bureau with 1 and 10
 * clients, beside a minimal Remix app and a bare Node server measured in the same run. Prints
 * p50/p95/p99 and req/s, the ratios, and JS gz per route from the build's manifest.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { generateScaleDb } from "./generate";
import { jsGzKb } from "./js-size";
import { type LoadResult, load } from "./load";

const root = process.cwd();
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const SECONDS = Number(arg("--seconds") ?? 2.5);
const BUILD_DIR = path.join(root, ".tmp", "bench-build");
const MINIMAL_DIR = path.join(root, "bench", "minimal-remix");
const MINIMAL_BUILD = path.join(root, ".tmp", "bench-minimal-build");
const remixCli = path.join(root, "node_modules", "@remix-run", "dev", "dist", "cli.js");
const serveCli = path.join(root, "node_modules", "@remix-run", "serve", "dist", "cli.js");
const prismaBin = path.join(root, "node_modules", ".bin", "prisma");
const children: ReturnType<typeof spawn>[] = [];

async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 90; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once("error", () => resolve(false));
      s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error("no free port");
}

async function waitFor(url: string, seconds = 60) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    try {
      await fetch(url, { redirect: "manual" });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${url} did not start`);
}

const serverLog = path.join(root, ".tmp", "bench-scale-server.log");

function start(cmd: string, args: string[], env: Record<string, string>, cwd = root) {
  // Servers' errors go to a log file (a 500 storm would drown the table); the table counts them.
  const err = fs.openSync(serverLog, "a");
  const child = spawn(cmd, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", err],
  });
  children.push(child);
  return child;
}

async function signIn(base: string, username: string): Promise<string> {
  const body = new URLSearchParams({ username, password: DEMO_PASSWORD, redirectTo: "/" });
  const res = await fetch(`${base}/login`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { origin: base, "content-type": "application/x-www-form-urlencoded" },
  });
  const cookie = res.headers.get("set-cookie");
  if (!cookie) throw new Error(`sign-in failed for ${username}: ${res.status}`);
  return cookie.split(";")[0]!;
}

let DEMO_PASSWORD = "";

function fmt(r: LoadResult) {
  const st = Object.entries(r.statuses)
    .map(([s, n]) => `${s}×${n}`)
    .join(" ");
  return `${r.p50.toFixed(0).padStart(6)} ${r.p95.toFixed(0).padStart(6)} ${r.p99.toFixed(0).padStart(6)} ${r.rps.toFixed(1).padStart(7)}  ${(r.bytes / 1024).toFixed(0).padStart(6)} KB  ${st}`;
}

async function main() {
  const t0 = Date.now();
  fs.mkdirSync(path.dirname(serverLog), { recursive: true });
  fs.writeFileSync(serverLog, "");
  DEMO_PASSWORD = (await import("../../prisma/seed/demo-data")).DEMO_PASSWORD;
  const dirs = await generateScaleDb((s) => console.log(`[generate] ${s}`));
  // Index migrations added since the file was generated.
  execFileSync(prismaBin, ["migrate", "deploy"], {
    stdio: "pipe",
    env: { ...process.env, DATABASE_PATH: dirs.dbPath },
  });
  const dueJob = path.join(root, "scripts", "bench-scale", "due-job.ts");
  if (fs.existsSync(dueJob))
    execFileSync(path.join(root, "node_modules", ".bin", "tsx"), [dueJob], {
      stdio: "inherit",
      env: { ...process.env, DATABASE_PATH: dirs.dbPath },
    });
  if (!process.argv.includes("--no-build")) {
    console.log("building app and minimal app…");
    execFileSync("node", [remixCli, "vite:build"], {
      stdio: "ignore",
      env: { ...process.env, BUILD_DIR },
    });
    execFileSync("node", [remixCli, "vite:build"], {
      cwd: MINIMAL_DIR,
      stdio: "ignore",
      env: { ...process.env, BUILD_DIR: MINIMAL_BUILD },
    });
  }

  const sql = new Database(dirs.dbPath, { readonly: true });
  const one = <T>(q: string, ...p: unknown[]) => sql.prepare(q).get(...p) as T;
  const project = one<{ id: string }>("SELECT id FROM Project LIMIT 1");
  const compound = one<{ id: string; code: string }>(
    "SELECT id, code FROM Compound WHERE code = 'NH'",
  );
  const lot = one<{ id: string }>(
    "SELECT id FROM InspectionLot WHERE compoundId = ? AND status = 'accepted' AND id LIKE 'g%' ORDER BY number LIMIT 1 OFFSET 2000",
    compound.id,
  );
  const defect = one<{ id: string }>(
    "SELECT id FROM Defect WHERE compoundId = ? AND status = 'open' AND id LIKE 'g%' ORDER BY number DESC LIMIT 1",
    compound.id,
  );
  const notice = one<{ id: string }>(
    "SELECT id FROM SupervisionNotice WHERE compoundId = ? ORDER BY number DESC LIMIT 1",
    compound.id,
  );
  const counts = one<Record<string, number>>(
    `SELECT (SELECT count(*) FROM InspectionLot) lots, (SELECT count(*) FROM SamplePoint) points,
       (SELECT count(*) FROM Defect) defects, (SELECT count(*) FROM Photo) photos,
       (SELECT count(*) FROM AuditEvent) events`,
  );
  sql.close();
  console.log(
    `database: ${counts.lots} lots, ${counts.points} points, ${counts.defects} defects, ${counts.photos} photos, ${counts.events} audit events`,
  );

  const appPort = await freePort(Number(process.env.BENCH_PORT ?? 3510));
  const minimalPort = await freePort(appPort + 1);
  const barePort = await freePort(minimalPort + 1);
  const appEnv = {
    NODE_ENV: "production",
    PORT: String(appPort),
    HOST: "127.0.0.1",
    DATA_DIR: dirs.dataDir,
    UPLOADS_DIR: dirs.uploadsDir,
    DATABASE_PATH: dirs.dbPath,
  };
  start("node", [serveCli, path.join(BUILD_DIR, "server", "index.js")], appEnv);
  start(
    "node",
    [serveCli, path.join(MINIMAL_BUILD, "server", "index.js")],
    { NODE_ENV: "production", PORT: String(minimalPort), HOST: "127.0.0.1" },
    MINIMAL_DIR,
  );
  start(
    "node",
    [
      "-e",
      `require("node:http").createServer((q, s) => { s.writeHead(200, {"content-type": "text/html; charset=utf-8"}); s.end("<!doctype html><h1>ok</h1>"); }).listen(${barePort}, "127.0.0.1")`,
    ],
    {},
  );
  const base = `http://127.0.0.1:${appPort}`;
  await Promise.all([
    waitFor(`${base}/login`),
    waitFor(`http://127.0.0.1:${minimalPort}/`),
    waitFor(`http://127.0.0.1:${barePort}/`),
  ]);

  const roles = { supervisor: "jianli", contractor: "shigong1", bureau: "zhujianju" } as const;
  const cookies: Record<string, string> = {};
  for (const [role, username] of Object.entries(roles))
    cookies[role] = await signIn(base, username);

  const pages: [string, string][] = [
    ["project", `/projects/${project.id}`],
    ["compound", `/compounds/${compound.id}`],
    ["lot list", "/lots"],
    ["lot page", `/lots/${lot.id}`],
    ["defect list", "/defects"],
    ["defect page", `/defects/${defect.id}`],
    ["inbox", "/inbox"],
    ["dashboard", "/dashboard"],
    ["notices", "/notices"],
    ["notice page", `/notices/${notice.id}`],
    ["drawings register", `/compounds/${compound.id}/drawings`],
  ];

  console.log(`\n${"target".padEnd(34)} c   p50ms  p95ms  p99ms   req/s    size  statuses`);
  const row = (label: string, c: number, r: LoadResult) =>
    console.log(`${label.padEnd(34)} ${String(c).padStart(2)} ${fmt(r)}`);
  const minimal: Record<number, LoadResult> = {};
  const bare: Record<number, LoadResult> = {};
  for (const c of [1, 10]) {
    bare[c] = await load(`http://127.0.0.1:${barePort}/`, { clients: c, seconds: SECONDS });
    row("bare node http", c, bare[c]);
    minimal[c] = await load(`http://127.0.0.1:${minimalPort}/`, { clients: c, seconds: SECONDS });
    row("minimal remix", c, minimal[c]);
  }

  let fiveXx = 0;
  let maxP95 = 0;
  let maxP95Label = "";
  const lotPage10: number[] = [];
  const measure = async (label: string, url: string, cookie: string | null) => {
    // One warm-up request (first-hit caches, lazy compilation of queries).
    await load(url, { clients: 1, seconds: 0, minRequests: 1, headers: cookie ? { cookie } : {} });
    for (const c of [1, 10]) {
      const r = await load(url, {
        clients: c,
        seconds: SECONDS,
        minRequests: c === 1 ? 5 : 10,
        headers: cookie ? { cookie } : {},
      });
      row(label, c, r);
      for (const [s, n] of Object.entries(r.statuses)) if (Number(s) >= 500) fiveXx += n;
      const ok = Object.keys(r.statuses).every((s) => Number(s) < 400);
      if (c === 1 && ok && r.p95 > maxP95) {
        maxP95 = r.p95;
        maxP95Label = label;
      }
      if (c === 1 && !ok && Object.keys(r.statuses).some((s) => Number(s) >= 500)) {
        maxP95 = Math.max(maxP95, r.p95);
      }
      if (label.endsWith("lot page") && c === 10) lotPage10.push(r.rps);
    }
  };
  for (const [role, cookie] of Object.entries(cookies))
    for (const [name, p] of pages)
      await measure(`${role.padEnd(10)} ${name}`, `${base}${p}`, cookie);
  await measure("public     公示 page", `${base}/gongshi/${compound.code}`, null);

  const lotMinimal10 = minimal[10]!.rps;
  const lotRatio = Math.min(...lotPage10) / lotMinimal10;
  console.log(
    `\nminimal remix / bare node (10 clients): ${(minimal[10]!.rps / bare[10]!.rps).toFixed(2)}`,
  );
  console.log(`slowest page p95 (1 client): ${maxP95Label}`);
  console.log(`bench seconds: ${((Date.now() - t0) / 1000).toFixed(0)}`);
  console.log(`5xx: ${fiveXx}`);
  console.log(`max p95 ms (1 client): ${maxP95.toFixed(0)}`);
  console.log(`lot page / minimal remix: ${lotRatio.toFixed(3)}`);
  console.log(`js gz KB lot page: ${jsGzKb(BUILD_DIR, "routes/_app.lots.$lotId").toFixed(1)}`);
  console.log(`js gz KB dashboard: ${jsGzKb(BUILD_DIR, "routes/_app.dashboard").toFixed(1)}`);
}

function stopAll() {
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
}
process.on("SIGINT", () => {
  stopAll();
  process.exit(130);
});
main().then(
  () => {
    stopAll();
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    stopAll();
    process.exit(1);
  },
);
