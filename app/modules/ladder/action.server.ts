import { parseSubmission, replyError, replyInvalid } from "~/infra/submission.server";
import { readSignature } from "~/modules/acceptance/signature-image.server";
import type { AnyT } from "~/modules/acceptance/words";
import { requestT } from "~/modules/auth/language.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { getCompound } from "~/modules/site/queries.server";
import { ladderForms } from "./forms";
import { recordPreAcceptance, submitCompletionReport } from "./ladder.server";

/**
 * The acceptance page's ladder intents (竣工报告, 预验收): parse, authorise (the module checks the
 * organisation and the post), call the module. Both need `acceptance.sign` (contractors: own).
 */
export async function ladderAction(request: Request, compoundId: string, form: FormData) {
  const t = await requestT(request);
  const w: AnyT = t;
  const submission = parseSubmission(form, ladderForms(w).action, t);
  if (submission.status !== "success") return replyInvalid(submission);
  const input = submission.value;
  const { user, scope, db } = await requireUser(request, "acceptance.sign");
  const compound = await getCompound(db, compoundId, user, scope);
  if (!compound) notFound("compound");
  try {
    const image = await readSignature(input.signature ?? "");
    if (input.intent === "report") {
      await submitCompletionReport(db, user, compound.id, { ...input, image });
      return { done: w("ladder:done.reported") };
    }
    await recordPreAcceptance(db, user, compound.id, {
      ...input,
      problems: input.problems ?? "",
      defectIds: input.defectIds ?? [],
      image,
    });
    return { done: w("ladder:done.preAccepted") };
  } catch (error) {
    return replyError(submission, error, t);
  }
}
