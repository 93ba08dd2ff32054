/**
 * The production server: the Remix build behind Express on plain Node (no tsx, no wrapper
 * process). `npm start` prepares the database and the build, then runs this in-process; the
 * systemd unit (deploy/yanshou.service) runs it directly.
 *
 * - Early refusals reach clients that send their whole body before reading: when a response
 *   ends before its request body was read (401, 403, 413, 415…), the rest of the body is read
 *   and dropped (at most DRAIN_MAX_MB, DRAIN_MAX_S), so the client gets the answer instead of a
 *   reset connection.
 * - SIGTERM / SIGINT: stop accepting connections, let in-flight requests (uploads) finish, then
 *   exit 0; after SHUTDOWN_GRACE_S the process exits 1 anyway.
 */
import http from "node:http";
import path from "node:path";
import url from "node:url";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";

const MB = 1024 * 1024;
const num = (name, fallback) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const DRAIN_MAX_BYTES = num("DRAIN_MAX_MB", 256) * MB;
const DRAIN_MAX_MS = num("DRAIN_MAX_S", 60) * 1000;
const SHUTDOWN_GRACE_MS = num("SHUTDOWN_GRACE_S", 60) * 1000;

process.env.NODE_ENV ??= "production";
const buildDir = path.resolve(process.env.BUILD_DIR ?? "build");
const build = await import(url.pathToFileURL(path.join(buildDir, "server", "index.js")).href);
const port = num("PORT", 3000);

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
app.use(compression());
app.use(
  build.publicPath,
  express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }),
);
app.use(express.static("public", { maxAge: "1h" }));
app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));

const server = http.createServer(app);
server.listen(port, process.env.HOST, () => {
  console.log(`验收 yanshou 已启动 (listening): http://localhost:${port}`);
});

function maybeExit() {
  server.closeIdleConnections();
  if (inFlight > 0) return;
  server.close(() => process.exit(0));
  // keep-alive sockets with nothing in flight must not hold the exit
  setTimeout(() => process.exit(0), 1000).unref();
}

for (const signal of ["SIGTERM", "SIGINT"])
  process.once(signal, () => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(
      `收到 ${signal}，等待 ${inFlight} 个进行中的请求完成后退出 (finishing in-flight requests)`,
    );
    server.close();
    setTimeout(() => {
      console.error(`${SHUTDOWN_GRACE_MS / 1000} s 后仍有 ${inFlight} 个请求未完成，强制退出`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    maybeExit();
    const idle = setInterval(() => server.closeIdleConnections(), 200);
    idle.unref();
  });
