import type { Submission } from "@conform-to/react";
import { data } from "@remix-run/node";
import type { TFunction } from "i18next";
import { DomainError } from "~/infra/domain-error";
import { replyError } from "~/infra/submission.server";
import { gapViews } from "./refusal";

/**
 * replyError for the funds forms: a refused claim or certification also carries the items it
 * exceeds (shown as a table under the message); anything else answers as replyError does.
 */
export function replyFundError(
  submission: Submission<unknown, string[], unknown>,
  error: unknown,
  t: TFunction,
) {
  const gaps = gapViews(error);
  if (gaps.length === 0 || !(error instanceof DomainError)) return replyError(submission, error, t);
  return data(
    { ...submission.reply({ formErrors: [error.text(t)] }), gaps },
    { status: error.status },
  );
}
