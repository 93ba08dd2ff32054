import type { Submission, SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import type { TFunction } from "i18next";
import { zodErrorMap } from "~/modules/i18n/zod-messages";
import { DomainError } from "./domain-error";
import type { z } from "./zod";

/**
 * The one way an action reads a form: conform + the form's zod schema, messages in the reader's
 * language. `submission.status === "success"` means `submission.value` is valid.
 */
export function parseSubmission<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  t: TFunction,
): Submission<z.input<S>, string[], z.output<S>> {
  return parseWithZod(formData, { schema, error: zodErrorMap(t) }) as Submission<
    z.input<S>,
    string[],
    z.output<S>
  >;
}

/** Field errors back to the form, 400: what the browser would have said had it validated. */
export function replyInvalid(submission: Submission<unknown, string[], unknown>) {
  return data(submission.reply(), { status: 400 });
}

/**
 * The one way an action answers a refusal: a DomainError becomes its message beside its field (or
 * above the form) with its status; anything else is not expected and is thrown on.
 */
export function replyError(
  submission: Submission<unknown, string[], unknown>,
  error: unknown,
  t: TFunction,
) {
  if (!(error instanceof DomainError)) throw error;
  const message = error.text(t);
  const result: SubmissionResult<string[]> = submission.reply(
    error.field ? { fieldErrors: { [error.field]: [message] } } : { formErrors: [message] },
  );
  return data(result, { status: error.status });
}
