/**
 * The production server: the Remix build behind Express on plain Node (no tsx, no wrapper
 * process). `npm start` prepares the database and the build, then runs this in-process; the
 * systemd unit (deploy/yanshou.service) runs it directly.
 *
 * - Early refusals reach clients that send their whole body before reading: when a response
 *   ends before its request body was read (401, 403, 413, 415…), the rest of the body is read
 *   and dropped (at most DRAIN_MAX_MB, DRAIN_MAX_S), so the client gets the answer instead of a
 *   reset connection.
 * - One gate before any route runs (docs/decisions/0010-sign-in-throttle-and-http-guard.md):
 *   security headers on every response, the origin of every state-changing request, and the
 *   size and type of every form body. Its rules are TypeScript (app/infra/http-guard.ts), taken
 *   from the built server entry.
 * - Structured logs (pino, JSON lines on stdout, LOG_LEVEL): one line per request with its
 *   request id (the caller's X-Request-Id when it is sane, else a new UUID), echoed in the
 *   response's X-Request-Id and handed to loaders/actions as context.requestId.
 * - SIGTERM / SIGINT: stop accepting connections, let in-flight requests (uploads) finish, then
 *   exit 0; after SHUTDOWN_GRACE_S the process exits 1 anyway.
 * - JOBS=1: this instance also runs a background job worker (app/modules/jobs/start.server.ts),
 *   taken from the built server entry when it exports `startJobs`; at shutdown it stops
 *   claiming and its running jobs finish or go back to the queue (docs/decisions/0023-job-queue.md).
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import path from "node:path";
import url from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";
import pino from "pino";

const MB = 1024 * 1024;
const num = (name, fallback) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const DRAIN_MAX_BYTES = num("DRAIN_MAX_MB", 256) * MB;
const DRAIN_MAX_MS = num("DRAIN_MAX_S", 60) * 1000;
const SHUTDOWN_GRACE_MS = num("SHUTDOWN_GRACE_S", 60) * 1000;

process.env.NODE_ENV ??= "production";
const log = pino({ level: process.env.LOG_LEVEL ?? "info", base: { pid: process.pid } });

const buildDir = path.resolve(process.env.BUILD_DIR ?? "build");
const build = await import(url.pathToFileURL(path.join(buildDir, "server", "index.js")).href);
const port = num("PORT", 3000);
installGlobals({ nativeFetch: true });
const gate = build.entry.module;

let inFlight = 0;
let shuttingDown = false;

/** Reads and drops what is left of a request body the handler did not read, within bounds. */
function drainRest(req) {
  if (req.complete || req.destroyed) return;
  // The Remix adapter's stream pump may still be attached: what follows is dropped, not queued.
  req.removeAllListeners("data");
  let seen = 0;
  const stop = () => req.socket?.destroy();
  const timer = setTimeout(stop, DRAIN_MAX_MS);
  timer.unref();
  req.on("data", (chunk) => {
    seen += chunk.length;
    if (seen > DRAIN_MAX_BYTES) {
      clearTimeout(timer);
      stop();
    }
  });
  req.once("end", () => clearTimeout(timer));
  req.once("close", () => clearTimeout(timer));
  req.resume();
}

/** Fills in the security headers (and no-store for signed-in answers) just before they are sent. */
function securityHeaders(req, res, next) {
  const signedIn = /(?:^|;\s*)yanshou_session=/.test(req.headers.cookie ?? "");
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    for (const [name, value] of Object.entries(gate.BASE_SECURITY_HEADERS))
      if (!res.hasHeader(name)) res.setHeader(name, value);
    if (signedIn && !res.hasHeader("Cache-Control"))
      res.setHeader("Cache-Control", gate.SIGNED_IN_CACHE_CONTROL);
    return writeHead.apply(this, args);
  };
  next();
}

/** A request id per request (kept from a proxy's X-Request-Id if sane); one log line when done. */
function requestLog(req, res, next) {
  const given = req.get("x-request-id");
  req.id = given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
  res.setHeader("X-Request-Id", req.id);
  const started = process.hrtime.bigint();
  res.once("finish", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const line = {
      reqId: req.id,
      method: req.method,
      url: req.originalUrl,
      status: res.statusCode,
      ms: Math.round(ms * 10) / 10,
      bytes: Number(res.getHeader("content-length") ?? 0) || undefined,
    };
    if (res.statusCode >= 500) log.error(line, "request failed");
    else log.info(line, "request");
  });
  next();
}

/**
 * Refuses a cross-origin or oversized/odd-typed state-changing request before it is read. A body
 * of a sensible size is drained first, so a client that sends it all before reading still sees
 * the message; a huge declared body is answered at once and the connection closed.
 */
const DRAIN_LIMIT = 16 * 1024 * 1024;
function requestGate(req, res, next) {
  const headers = { get: (name) => req.get(name) ?? null };
  const refusal = gate.checkOrigin(req.method, headers) ?? gate.checkBody(req.method, headers);
  if (!refusal) return next();
  const answer = () =>
    res.status(refusal.status).json({ kind: "refused", message: refusal.message });
  const declared = Number(req.get("content-length") ?? 0);
  if (declared > DRAIN_LIMIT || req.get("transfer-encoding")) {
    res.setHeader("Connection", "close");
    answer();
    req.resume();
    return;
  }
  req.on("end", answer);
  req.on("error", () => res.destroy());
  req.resume();
}

const app = express();
app.disable("x-powered-by");
app.use((req, res, next) => {
  inFlight += 1;
  let counted = true;
  const done = () => {
    if (!counted) return;
    counted = false;
    inFlight -= 1;
    if (shuttingDown) maybeExit();
  };
  res.once("finish", () => {
    drainRest(req);
    done();
  });
  res.once("close", done);
  if (shuttingDown) res.setHeader("Connection", "close");
  next();
});
app.use(securityHeaders);
app.use(compression());
app.use(
  build.publicPath,
  express.static(build.assetsBuildDirectory, {
    immutable: true,
    maxAge: "1y",
    // The service worker and the manifest keep their names across releases: always revalidated.
    setHeaders(res, file) {
      if (/(?:^|[\\/])(sw\.js|manifest\.webmanifest|offline\.html)$/.test(file))
        res.setHeader("Cache-Control", "no-cache");
    },
  }),
);
app.use(express.static("public", { maxAge: "1h" }));
app.use(requestLog);
app.use(requestGate);
app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req) => ({
      clientAddress: req.socket.remoteAddress ?? "unknown",
      requestId: req.id,
    }),
  }),
);

const server = http.createServer(app);
server.listen(port, process.env.HOST, () => {
  log.info({ port }, `验收 yanshou 已启动 (listening): http://localhost:${port}`);
});

let jobs;
let stopPeriodic = () => {};
if (process.env.JOBS === "1") {
  if (typeof gate.startJobs === "function") {
    jobs = gate.startJobs({ log: log.child({ part: "jobs" }) });
    log.info({ owner: jobs?.worker.owner }, "后台任务已启动 (job worker started)");
  } else
    log.error("JOBS=1 but this build has no job worker (entry.server does not export startJobs)");
} else if (typeof gate.schedulePeriodic === "function") {
  // No worker here, but the periodic slots are still queued: an instance with JOBS=1 runs them,
  // and if none does, /healthz reports them waiting (jobs.ok false).
  stopPeriodic = gate.schedulePeriodic(undefined, undefined, log.child({ part: "jobs" }));
}
let jobsStopped = Promise.resolve();

function maybeExit() {
  server.closeIdleConnections();
  if (inFlight > 0) return;
  jobsStopped.finally(() => {
    server.close(() => process.exit(0));
    // keep-alive sockets with nothing in flight must not hold the exit
    setTimeout(() => process.exit(0), 1000).unref();
  });
}

for (const signal of ["SIGTERM", "SIGINT"])
  process.once(signal, () => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info(
      { signal, inFlight },
      "收到信号，等待进行中的请求完成后退出 (finishing in-flight requests)",
    );
    server.close();
    stopPeriodic();
    if (jobs) jobsStopped = jobs.stop(SHUTDOWN_GRACE_MS / 2).catch(() => {});
    setTimeout(() => {
      log.error({ inFlight }, `${SHUTDOWN_GRACE_MS / 1000} s 后仍有请求未完成，强制退出`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    maybeExit();
    const idle = setInterval(() => server.closeIdleConnections(), 200);
    idle.unref();
  });
