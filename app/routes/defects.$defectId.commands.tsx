import type { ActionFunctionArgs } from "@remix-run/node";
import { DomainError } from "~/infra/domain-error";
import { requestT } from "~/modules/auth/language.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { defectTransitionCommand } from "~/modules/defect/defect-transition-command.server";
import { transitionSchema } from "~/modules/defect/forms";
import { isDefectAction } from "~/modules/defect/workflow";
import { readCommandForm } from "~/modules/lot/command-form.server";

/**
 * POST one outbox command of a defect's page (issue 17): `?intent=` acknowledge | reply | close |
 * return, with form fields `kind=defectTransition`, `key`, `baseVersion` (the defect's state the
 * tablet saw) and `comment`. Checked as the page's own post is; answers JSON
 * `{ ok, outcome, state?, message?, code? }` (outcome applied | duplicate | refused).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const json = (body: unknown, status = 200) => Response.json(body, { status });
  if (request.method !== "POST") return json({ ok: false, outcome: "refused" }, 405);
  // The action is in the address, so its permission is checked before the body is read.
  const intent = new URL(request.url).searchParams.get("intent");
  const action = isDefectAction(intent) ? intent : null;
  const { user, scope, db } = await requireUser(
    request,
    action === "close" || action === "return" ? "defect.review" : "defect.rectify",
  );
  const t = await requestT(request);
  const refused = (message: string, status: number, extra: object = {}) =>
    json({ ok: false, outcome: "refused", message, ...extra }, status);
  if (!action) return refused(t("form.unknownAction", { ns: "defect" }), 400);
  const read = await readCommandForm(request, t, "defectTransition");
  if ("refused" in read) return refused(read.refused.message, read.refused.status);
  const { form, key, baseVersion } = read;
  const parsed = transitionSchema(t).safeParse({
    intent: form.get("intent"),
    comment: form.get("comment") ?? "",
  });
  if (!parsed.success || parsed.data.intent !== action)
    return refused(
      parsed.success
        ? t("form.unknownAction", { ns: "defect" })
        : (parsed.error.issues[0]?.message ?? t("errors.invalidData", { ns: "lot" })),
      400,
    );
  try {
    const done = await defectTransitionCommand(
      db,
      user,
      scope,
      params.defectId ?? "",
      { action, comment: parsed.data.comment },
      { key, baseVersion },
    );
    return json({ ok: true, ...done });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return refused(error.text(t), error.status, { code: error.code });
  }
}
