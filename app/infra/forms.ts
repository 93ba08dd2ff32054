import "./zod-zh"; // Chinese default messages, set once
import { fixedT } from "~/modules/i18n/i18n.server";
import { zodErrorMap } from "~/modules/i18n/zod-messages";
import { guardLanguage } from "./http-guard";
import type { z } from "./zod";

/** Parses a form with a zod schema; the first message per field, in Chinese, for the UI. */
export function parseForm<T extends z.ZodType>(
  schema: T,
  form: FormData,
  options: { arrays?: readonly string[] } = {},
): { ok: true; data: z.infer<T> } | { ok: false; errors: Record<string, string> } {
  const values: Record<string, unknown> = Object.fromEntries(form);
  // Repeated fields (checkboxes) arrive as several entries: keep them all.
  for (const name of options.arrays ?? []) values[name] = form.getAll(name);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "form";
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

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
