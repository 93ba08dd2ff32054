import { fixedT } from "~/modules/i18n/i18n.server";
import { checkBody, checkOrigin, guardLanguage, guardMessage } from "./http-guard";

export type Refused = { kind: "refused"; message: string };

// A real Response, so resource routes (uploads) answer with it too, not "Unexpected Server Error".
function refuse(status: number, message: string): never {
  throw Response.json({ kind: "refused", message } satisfies Refused, { status });
}

/** The client's address as the server saw it (scripts/serve.mjs puts it in the load context). */
export function clientAddress(context: unknown): string {
  const value = (context as { clientAddress?: unknown } | null)?.clientAddress;
  return typeof value === "string" && value.length > 0 ? value.slice(0, 64) : "unknown";
}

/** 403 unless a state-changing request comes from this site (see http-guard). */
export function requireSameOrigin(request: Request) {
  const refusal = checkOrigin(request.method, request.headers);
  if (refusal) refuse(refusal.status, refusal.message);
}

/**
 * A url-encoded page form, for actions that run before anyone is signed in (login): same
 * origin, at most 1 MB, url-encoded only (a multipart body would be buffered whole).
 */
export async function readForm(request: Request): Promise<FormData> {
  requireSameOrigin(request);
  const refusal = checkBody(request.method, request.headers);
  if (refusal) refuse(refusal.status, refusal.message);
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/x-www-form-urlencoded"))
    refuse(415, guardMessage("unsupportedType", request.headers));
  try {
    return await request.formData();
  } catch {
    return refuse(400, fixedT(guardLanguage(request.headers))("error.brokenForm"));
  }
}
