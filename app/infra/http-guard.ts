/**
 * The HTTP gate every request passes before any route runs (scripts/serve.mjs calls it; requireUser
 * repeats the origin check so a route is covered under any server). Pure: headers in, verdict out.
 * See docs/decisions/0010-sign-in-throttle-and-http-guard.md.
 */

import en from "~/locales/en/auth";
import zh from "~/locales/zh-CN/auth";

export const FORM_BODY_MAX_BYTES = 1024 * 1024;

export type Refusal = { status: number; message: string };

type Headers = { get(name: string): string | null };

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

type GuardKey = keyof typeof zh.guard;
const CATALOGUES = { "zh-CN": zh.guard, en: en.guard } as const;

/**
 * The reader's language as far as headers tell (the gate runs before anyone is looked up): the
 * remembered choice (the `lng` cookie: base64 JSON, as Remix writes it), else Accept-Language.
 */
export function guardLanguage(headers: Headers): "zh-CN" | "en" {
  const cookie = /(?:^|;\s*)lng=([^;]+)/.exec(headers.get("cookie") ?? "")?.[1];
  if (cookie) {
    try {
      const value: unknown = JSON.parse(atob(decodeURIComponent(cookie)));
      if (value === "en" || value === "zh-CN") return value;
    } catch {
      // a cookie of another shape: fall through to the browser's language
    }
  }
  const first = (headers.get("accept-language") ?? "").split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "zh-CN";
}

/** A guard message in the reader's language (auth:guard.*). */
export function guardMessage(key: GuardKey, headers: Headers): string {
  return CATALOGUES[guardLanguage(headers)][key].replace(
    "{{mb}}",
    String(FORM_BODY_MAX_BYTES / 1024 / 1024),
  );
}

/** The Chinese messages (kept for callers that name them). */
export const GUARD_MESSAGES = Object.fromEntries(
  (Object.keys(zh.guard) as GuardKey[]).map((k) => [k, guardMessage(k, { get: () => null })]),
) as Record<GuardKey, string>;

export const isStateChanging = (method: string) => STATE_CHANGING.has(method.toUpperCase());

/** The host the browser addressed, as Remix sees it (X-Forwarded-Host first, then Host). */
function requestHost(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || headers.get("host");
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/** A state-changing request must come from this site: Origin (or, without it, Referer) = host. */
export function checkOrigin(method: string, headers: Headers): Refusal | null {
  if (!isStateChanging(method)) return null;
  const host = requestHost(headers);
  const origin = headers.get("origin");
  const source = origin ?? headers.get("referer");
  if (source === null) return { status: 403, message: guardMessage("noOrigin", headers) };
  if (!host || source === "null" || hostOf(source) !== host)
    return { status: 403, message: guardMessage("crossOrigin", headers) };
  return null;
}

/**
 * Bodies of state-changing requests: page forms (url-encoded) up to 1 MB with a declared length;
 * multipart (uploads, which cap themselves while streaming); nothing else (JSON, text, XML).
 */
export function checkBody(method: string, headers: Headers): Refusal | null {
  if (!isStateChanging(method)) return null;
  const type = (headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const lengthHeader = headers.get("content-length");
  const chunked = /chunked/i.test(headers.get("transfer-encoding") ?? "");
  const length = lengthHeader === null ? null : Number(lengthHeader);
  const empty = !chunked && (length === null || length === 0);
  if (type === "multipart/form-data") return null;
  if (type === "application/x-www-form-urlencoded" || (type === "" && empty)) {
    if (empty) return null;
    if (length === null || !Number.isSafeInteger(length))
      return { status: 411, message: guardMessage("lengthRequired", headers) };
    if (length > FORM_BODY_MAX_BYTES)
      return { status: 413, message: guardMessage("formTooLarge", headers) };
    return null;
  }
  return { status: 415, message: guardMessage("unsupportedType", headers) };
}

/** Content-Security-Policy of an HTML page; scripts only from this site or with the nonce. */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // React and recharts set style attributes; no external style can load ('self' only).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    // The installable app: its service worker (/sw.js) and manifest come from this site only.
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Headers every response carries (pages get the full CSP from entry.server). */
export const BASE_SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": "frame-ancestors 'none'; object-src 'none'; base-uri 'self'",
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "geolocation=(), microphone=(), payment=(), usb=()",
};

/** Signed-in responses must not be stored by the browser or a proxy, unless a route says so. */
export const SIGNED_IN_CACHE_CONTROL = "private, no-store";
