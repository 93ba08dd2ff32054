import { fixedT } from "~/modules/i18n/i18n.server";
import { zodErrorMap } from "~/modules/i18n/zod-messages";
import { guardLanguage } from "./http-guard";
import type { z } from "./zod";

/** Only same-site paths; anything else (//host, https://…) goes home. */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (
    typeof to !== "string" ||
    !to.startsWith("/") ||
    to.startsWith("//") ||
    to.startsWith("/\\")
  ) {
    return fallback;
  }
  return to;
}

/**
 * A query string through its schema; a bad one is a 400 with a message in the reader's language
 * (as the headers tell: the `lng` cookie, else Accept-Language), never a 500.
 */
export function parseQuery<T extends z.ZodType>(schema: T, request: Request): z.infer<T> {
  const t = fixedT(guardLanguage(request.headers));
  const result = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams), {
    error: zodErrorMap(t),
  });
  if (result.success) return result.data;
  const reason = result.error.issues[0]?.message ?? t("validation.invalid");
  throw Response.json(
    { kind: "bad-request", message: t("error.badQuery", { reason }) },
    { status: 400 },
  );
}
