import { parseSubmission, replyError, replyInvalid } from "~/infra/submission.server";
import { readSignature } from "~/modules/acceptance/signature-image.server";
import type { AnyT } from "~/modules/acceptance/words";
import { requestT } from "~/modules/auth/language.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { getCompound } from "~/modules/site/queries.server";
import { recordCompoundFacts, recordFiling } from "./closing.server";
import { ladderForms } from "./forms";
import { recordPreAcceptance, submitCompletionReport } from "./ladder.server";

const day = (iso: string | undefined) => (iso ? new Date(`${iso}T00:00:00+08:00`) : undefined);

/**
 * The acceptance page's ladder intents: parse, authorise (the module checks the organisation and
 * the post), call the module. 竣工报告 and 预验收 need `acceptance.sign` (contractors: own); the
 * 住建局's 备案 and the 建设单位's H.0.1-1 facts need `acceptance.manage`.
 */
export async function ladderAction(request: Request, compoundId: string, form: FormData) {
  const t = await requestT(request);
  const w: AnyT = t;
  const submission = parseSubmission(form, ladderForms(w).action, t);
  if (submission.status !== "success") return replyInvalid(submission);
  const input = submission.value;
  const manage = input.intent === "file" || input.intent === "facts";
  const { user, scope, db } = await requireUser(
    request,
    manage ? "acceptance.manage" : "acceptance.sign",
  );
  const compound = await getCompound(db, compoundId, user, scope);
  if (!compound) notFound("compound");
  try {
    if (input.intent === "file") {
      await recordFiling(db, user, compound.id, {
        number: input.number,
        filedOn: day(input.filedOn) ?? new Date(),
      });
      return { done: w("ladder:done.filed") };
    }
    if (input.intent === "facts") {
      await recordCompoundFacts(db, user, compound.id, {
        ...input,
        startedOn: day(input.startedOn),
        finishedOn: day(input.finishedOn),
      });
      return { done: w("ladder:done.facts") };
    }
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
