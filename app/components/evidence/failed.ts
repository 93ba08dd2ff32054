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

type PageForms = {
  canReview: boolean;
  canUpload: boolean;
  canTest: boolean;
  divisions: {
    division: string;
    documents: { id: string; status: string }[];
    testForms: { code: string; places: unknown[] }[];
  }[];
};

/**
 * The messages of a failed answer whose form the page no longer shows (the document was
 * reviewed by someone else meanwhile, the plan is no longer approved…): the page shows them
 * itself, so a refusal is never silent.
 */
export function unclaimedMessages(failed: Last, page: PageForms): string[] {
  const sent = failed?.initialValue as Record<string, unknown> | null | undefined;
  if (!failed || !sent) return [];
  const { intent, documentId, division, code } = sent;
  const here = page.divisions.find((d) => d.division === division);
  const shown =
    intent === "check" || intent === "reject"
      ? page.canReview &&
        page.divisions.some((d) =>
          d.documents.some((x) => x.id === documentId && x.status === "submitted"),
        )
      : intent === "upload"
        ? page.canUpload && here !== undefined
        : intent === "test"
          ? page.canTest &&
            (here?.testForms.some((f) => f.code === code && f.places.length > 0) ?? false)
          : false;
  return shown ? [] : Object.values(failed.error ?? {}).flatMap((m) => m ?? []);
}
