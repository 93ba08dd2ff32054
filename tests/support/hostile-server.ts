/**
 * The real built server (scripts/serve.mjs over build/), started on a free port with its own SQLite
 * database and upload folder, for the hostile-request suite and `npm run bench:hostile`.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import Database from "better-sqlite3";

export type HostileServer = {
  base: string;
  host: string;
  pid: number;
  exits: () => number;
  snapshot: () => Snapshot;
  query: <T>(sql: string) => T[];
  /** A write the suite makes in its own setup, before its snapshot (not as a client could). */
  write: (sql: string, ...params: string[]) => void;
  rssMb: () => number;
  log: () => string;
  stop: () => Promise<void>;
};

export type Snapshot = { rows: Record<string, number>; files: string[] };

export async function freePort(from: number, to: number): Promise<number> {
  for (let port = from; port <= to; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once("error", () => resolve(false));
      s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}–${to}`);
}

const env = (dataDir: string, port: number): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: "production",
  PORT: String(port),
  HOST: "127.0.0.1",
  DATA_DIR: dataDir,
  UPLOADS_DIR: path.join(dataDir, "uploads"),
  DATABASE_PATH: path.join(dataDir, "yanshou.db"),
  SESSION_SECRET: "hostile-only-secret-0123456789abcdef0123456789",
  DEMO_ACTIVITY: "0",
  BUILD_DIR: process.env.BUILD_DIR ?? "build",
});

/**
 * A prepared data folder (migrated, demo-seeded), made once per machine and copied per run:
 * preparing takes ~40 s, copying a moment.
 */
function prepareData(dataDir: string) {
  const template = path.resolve(".tmp", "hostile-template");
  // a template made before the newest migration (an older checkout) is made again
  const migrations = fs.readdirSync(path.resolve("prisma", "migrations")).sort().join("\n");
  const stamp = path.join(template, "migrations.txt");
  const stale = !fs.existsSync(stamp) || fs.readFileSync(stamp, "utf8") !== migrations;
  if (stale || !fs.existsSync(path.join(template, "yanshou.db"))) {
    fs.rmSync(template, { recursive: true, force: true });
    execFileSync(path.resolve("node_modules/.bin/tsx"), ["scripts/prepare-db.ts"], {
      // prepare-db only migrates and seeds; the port is never opened
      env: env(template, 65535),
      stdio: "pipe",
    });
    fs.writeFileSync(stamp, migrations);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.cpSync(template, dataDir, { recursive: true });
}

export async function startHostileServer(portRange: [number, number]): Promise<HostileServer> {
  const port = await freePort(...portRange);
  const dataDir = path.resolve(".tmp", `hostile-${port}`);
  prepareData(dataDir);
  let exits = 0;
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: env(dataDir, port),
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    output += c.toString();
  });
  child.on("exit", () => {
    exits += 1;
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exits > 0) throw new Error(`server exited on start:\n${output}`);
    try {
      if ((await fetch(`${base}/login`)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const dbPath = path.join(dataDir, "yanshou.db");
  const uploads = path.join(dataDir, "uploads");
  return {
    base,
    host: `127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    exits: () => exits,
    log: () => output,
    rssMb: () => {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
      return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
    },
    snapshot: () => snapshot(dbPath, uploads),
    query: <T>(sql: string) => {
      const db = new Database(dbPath, { readonly: true });
      try {
        return db.prepare(sql).all() as T[];
      } finally {
        db.close();
      }
    },
    write: (sql: string, ...params: string[]) => {
      const db = new Database(dbPath, { timeout: 10_000 });
      try {
        db.prepare(sql).run(...params);
      } finally {
        db.close();
      }
    },
    stop: async () => {
      if (child.exitCode === null) {
        const done = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([done, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Row counts of every table and the list of stored files. LoginThrottle is left out (a refused
 * sign-in is counted there by design) and so is Session (signing in makes one).
 */
export function snapshot(dbPath: string, uploads: string): Snapshot {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const rows: Record<string, number> = {};
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[];
    for (const { name } of tables) {
      // Throttle tables count attempts by design, refused ones included.
      if (name === "LoginThrottle" || name === "Session" || name === "PublicRateLimit") continue;
      rows[name] = (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
    }
    const files = fs.existsSync(uploads)
      ? (fs.readdirSync(uploads, { recursive: true }) as string[]).filter((f) =>
          fs.statSync(path.join(uploads, f)).isFile(),
        )
      : [];
    return { rows, files: files.sort() };
  } finally {
    db.close();
  }
}

/** Rows and files that differ between two snapshots. */
export function changes(before: Snapshot, after: Snapshot): { rows: number; files: number } {
  let rows = 0;
  for (const [table, n] of Object.entries(after.rows))
    rows += Math.abs(n - (before.rows[table] ?? 0));
  const a = new Set(before.files);
  const b = new Set(after.files);
  const files = [...b].filter((f) => !a.has(f)).length + [...a].filter((f) => !b.has(f)).length;
  return { rows, files };
}
