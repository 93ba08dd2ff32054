import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { SEEDED_TEMPLATE, TMP_DIR } from "./paths";

const BUILD = path.resolve(process.env.BUILD_DIR ?? "build", "server", "index.js");

function newest(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(entry).reduce((m, n) => Math.max(m, newest(path.join(entry, n))), 0);
}

/**
 * The production build, made when missing or older than the app's sources (asynchronously: a
 * blocked test worker misses its runner's calls).
 */
export async function ensureBuild() {
  const built = fs.statSync(BUILD, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built >= Math.max(newest("app"), newest("vite.config.ts"))) return;
  const child = spawn(path.resolve("node_modules/.bin/remix"), ["vite:build"], { stdio: "ignore" });
  const code = await new Promise<number | null>((r) => child.once("exit", r));
  if (code !== 0) throw new Error(`build failed (${code})`);
}

/** A free port in this worktree's range (E2E_PORT's hundred, default 3200–3299), loopback. */
export async function freePort(): Promise<number> {
  const base = Math.floor(Number(process.env.E2E_PORT ?? 3201) / 100) * 100;
  for (let i = 0; i < 200; i++) {
    const port = base + 20 + Math.floor(Math.random() * 79);
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer().once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error("no free port");
}

export type RealServer = {
  url: string;
  port: number;
  dataDir: string;
  uploadsDir: string;
  databasePath: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  log: () => string;
  stop: () => Promise<void>;
};

/**
 * The built app on plain Node (scripts/serve.mjs), as in production, on a free loopback port,
 * with its own copy of the seeded database and its own uploads folder.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RealServer> {
  await ensureBuild();
  const dataDir = path.join(TMP_DIR, `server-${randomUUID()}`);
  const uploadsDir = path.join(dataDir, "uploads");
  fs.mkdirSync(uploadsDir, { recursive: true });
  const databasePath = path.join(dataDir, "yanshou.db");
  fs.copyFileSync(SEEDED_TEMPLATE, databasePath);
  const port = await freePort();
  let output = "";
  const child = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_PATH: databasePath,
      UPLOADS_DIR: uploadsDir,
      SESSION_SECRET: "integration-only-secret-0123456789abcdef",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (c: Buffer) => {
    output += c.toString();
  });
  child.stderr!.on("data", (c: Buffer) => {
    output += c.toString();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  const started = Date.now();
  while (!output.includes("已启动")) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    if (Date.now() - started > 30_000) throw new Error(`server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    uploadsDir,
    databasePath,
    child,
    exited,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGKILL");
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the login form; returns the session cookie. */
export async function signIn(server: RealServer, username: string, password = "yanshou2021") {
  const res = await fetch(`${server.url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: server.url },
    body: new URLSearchParams({ username, password, redirectTo: "/" }),
  });
  const cookie = res.headers.get("set-cookie");
  if (!cookie) throw new Error(`sign-in of ${username} failed: ${res.status}`);
  return cookie.split(";")[0]!;
}

/** Every file under a folder (relative paths). */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full).map((f) => path.join(e.name, f)) : [e.name];
  });
}

/**
 * A raw HTTP/1.1 request whose body is written by `write` (chunks, pauses) before anything is
 * read, like a tablet's upload; resolves with the status line's code, headers' end and body.
 */
export function rawRequest(
  port: number,
  head: string,
  write: (socket: net.Socket) => Promise<void>,
): Promise<{ status: number; body: string; error?: string }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let received = "";
    let done = false;
    const finish = (error?: string) => {
      if (done) return;
      done = true;
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0);
      const at = received.indexOf("\r\n\r\n");
      let body = received.slice(at + 4);
      if (/transfer-encoding: chunked/i.test(received.slice(0, at))) body = dechunk(body);
      socket.destroy();
      resolve({ status, body, error });
    };
    socket.on("data", (c) => {
      received += c.toString("utf8");
      const length = /content-length: (\d+)/i.exec(received);
      const at = received.indexOf("\r\n\r\n");
      if (length && at >= 0 && Buffer.byteLength(received.slice(at + 4)) >= Number(length[1]))
        finish();
      if (at >= 0 && received.endsWith("\r\n0\r\n\r\n")) finish();
    });
    socket.on("error", (e) => finish((e as NodeJS.ErrnoException).code ?? e.message));
    socket.on("end", () => finish());
    socket.on("connect", async () => {
      socket.write(head);
      try {
        await write(socket);
      } catch (e) {
        finish(String(e));
      }
    });
  });
}

function dechunk(text: string): string {
  const bytes = Buffer.from(text, "utf8");
  const out: Buffer[] = [];
  let at = 0;
  while (at < bytes.length) {
    const eol = bytes.indexOf("\r\n", at);
    if (eol < 0) break;
    const size = Number.parseInt(bytes.subarray(at, eol).toString(), 16);
    if (!size) break;
    out.push(bytes.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(out).toString("utf8");
}

/** Writes a buffer in chunks, waiting for the socket to take each (backpressure). */
export async function writeAll(socket: net.Socket, bytes: Buffer, chunk = 64 * 1024) {
  for (let at = 0; at < bytes.length; at += chunk)
    if (!socket.write(bytes.subarray(at, at + chunk)))
      await new Promise((r) => socket.once("drain", r));
}

/** A multipart body with one file part (and fields), and its boundary. */
export function multipart(
  files: { field: string; name: string; bytes: Buffer }[],
  fields: Record<string, string> = {},
) {
  const boundary = `----yanshou${randomUUID()}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    );
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      f.bytes,
      Buffer.from("\r\n"),
    );
  }
  const end = Buffer.from(`--${boundary}--\r\n`);
  return { boundary, body: Buffer.concat([...parts, end]), end };
}
