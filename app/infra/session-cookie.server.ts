import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createCookie } from "@remix-run/node";
import { env } from "./env.server";

export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 7;

/** SESSION_SECRET, or a random secret created once and kept in the data folder. */
function sessionSecret(): string {
  const e = env();
  if (e.sessionSecret) return e.sessionSecret;
  const file = path.join(e.dataDir, ".session-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(e.dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}

let cookie: ReturnType<typeof createCookie> | undefined;

export function sessionCookie() {
  cookie ??= createCookie("yanshou_session", {
    httpOnly: true,
    sameSite: "lax",
    secure: env().secureCookies,
    path: "/",
    maxAge: SESSION_MAX_AGE_SECONDS,
    secrets: [sessionSecret()],
  });
  return cookie;
}

let device: ReturnType<typeof createCookie> | undefined;

/**
 * A signed, long-lived cookie naming this browser (a random id) and the users who signed in on it.
 * It grants nothing by itself; it only lets a known device skip the per-username and per-address
 * sign-in caps (docs/decisions/0010).
 */
export function deviceCookie() {
  device ??= createCookie("yanshou_device", {
    httpOnly: true,
    sameSite: "lax",
    secure: env().secureCookies,
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    secrets: [sessionSecret()],
  });
  return device;
}
