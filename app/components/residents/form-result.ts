import type { SubmissionResult } from "@conform-to/react";

/**
 * The action's reply if it answers the form whose hidden `intent` is `intent` (a page with
 * several forms posts them all to one action; each form shows only its own errors).
 */
export function resultFor(result: unknown, intent: string): SubmissionResult<string[]> | null {
  if (!result || typeof result !== "object" || !("initialValue" in result)) return null;
  const reply = result as SubmissionResult<string[]>;
  return reply.initialValue?.intent === intent ? reply : null;
}

/** A notice key the action sent back with a success (`{ notice: "…" }`), if any. */
export function noticeOf(result: unknown): string | null {
  if (!result || typeof result !== "object" || !("notice" in result)) return null;
  const notice = (result as { notice: unknown }).notice;
  return typeof notice === "string" ? notice : null;
}

/** The action's reply to the page's only conform form, if it is one. */
export function formResult(result: unknown): SubmissionResult<string[]> | null {
  if (!result || typeof result !== "object" || !("initialValue" in result)) return null;
  return result as SubmissionResult<string[]>;
}
