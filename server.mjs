// The production server: remix-serve's static files and Remix handler, behind one gate that
// every request passes before any route runs (docs/decisions/0010-sign-in-throttle-and-http-guard.md):
// security headers on every response, the origin of every state-changing request, and the size
// and type of every form body. The gate's rules are TypeScript (app/infra/http-guard.ts), taken
// from the built server entry. Plain JavaScript, so `node server.mjs` needs no compiler at run time.
import path from "node:path";
import url from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";
import morgan from "morgan";

const buildPath = path.resolve(process.env.BUILD_DIR ?? "build", "server", "index.js");
const build = await import(url.pathToFileURL(buildPath).href);
installGlobals({ nativeFetch: true });
const gate = build.entry.module;
const port = Number(process.env.PORT ?? 3000);

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
app.use(securityHeaders);
app.use(compression());
app.use(
  build.publicPath,
  express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }),
);
app.use(express.static("public", { maxAge: "1h" }));
app.use(morgan("tiny"));
app.use(requestGate);
app.all(
  "*",
  createRequestHandler({
    build,
    mode: "production",
    getLoadContext: (req) => ({ clientAddress: req.socket.remoteAddress ?? "unknown" }),
  }),
);

const server = process.env.HOST
  ? app.listen(port, process.env.HOST, onListen)
  : app.listen(port, onListen);
function onListen() {
  console.log(`[yanshou-server] http://localhost:${port}`);
}
for (const signal of ["SIGTERM", "SIGINT"])
  process.once(signal, () => server.close(() => process.exit(0)));
