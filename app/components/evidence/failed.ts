import type { SubmissionResult } from "@conform-to/react";

export type Last = SubmissionResult<string[]> | undefined;

/**
 * The action's failed answer for the one form it belongs to (the page has a form per document,
 * test and 分部): the form whose hidden fields match the submission's.
 */
export function lastFor(failed: Last, match: Record<string, string>): Last {
  const sent = failed?.initialValue as Record<string, unknown> | null | undefined;
  if (!failed || !sent) return undefined;
  return Object.entries(match).every(([k, v]) => sent[k] === v) ? failed : undefined;
}
