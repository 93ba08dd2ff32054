import type { ActionFunctionArgs } from "@remix-run/node";
import { DomainError } from "~/infra/domain-error";
import { requestT } from "~/modules/auth/language.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { raiseDefectCommand } from "~/modules/defect/defect-commands.server";
import { zodErrorMap } from "~/modules/i18n/zod-messages";
import { readCommandForm } from "~/modules/lot/command-form.server";
import { parseItemVersion } from "~/modules/lot/commands.server";
import { EntrySchema, TransitionSchema } from "~/modules/lot/forms";
import { saveEntry } from "~/modules/lot/lots.server";
import { transitionCommand } from "~/modules/lot/transition-command.server";

/** Each kind's permission, checked before the body is read. */
const PERMISSION = {
  entry: "lot.record",
  defect: "defect.create",
  transition: "lot.review",
} as const;

/**
 * POST one outbox command from the tablet: an item's record (form fields `kind`, `key`,
 * `baseVersion`, `itemVersion`, `entry`), or with `?kind=defect` a new defect from a failing item
 * (the new-defect form's fields, `key`, `baseVersion`), or with `?kind=transition` a supervisor's
 * 退回 / 撤销验收 (`intent`, `reason`). Validated as the lot page's own saves are; answers JSON
 * `{ ok, outcome, version?, message?, code?, conflict? }` where outcome is applied | duplicate
 * (the key was applied before) | unchanged (the item already read so) | refused (with the reason
 * the tablet shows under 冲突, in the reader's language; `conflict` names what changed and who).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const json = (body: unknown, status = 200) => Response.json(body, { status });
  if (request.method !== "POST") return json({ ok: false, outcome: "refused" }, 405);
  // The kind is in the address, so the permission is checked before the body is read.
  const asked = new URL(request.url).searchParams.get("kind");
  const kind = asked === "defect" || asked === "transition" ? asked : "entry";
  const { user, scope, db } = await requireUser(request, PERMISSION[kind]);
  const t = await requestT(request);
  const refused = (message: string, status: number, extra: object = {}) =>
    json({ ok: false, outcome: "refused", message, ...extra }, status);
  const read = await readCommandForm(request, t, kind);
  if ("refused" in read) return refused(read.refused.message, read.refused.status);
  const { form, key, baseVersion } = read;
  const itemVersion = parseItemVersion(form.get("itemVersion"));
  if (kind === "defect") {
    const answer = await raiseDefectCommand(db, user, t, params.lotId ?? "", form, {
      key,
      baseVersion,
    });
    return json(answer.body, answer.status);
  }
  if (kind === "transition") {
    const parsed = TransitionSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return refused(t("errors.unknownIntent", { ns: "lot" }), 400);
    try {
      const done = await transitionCommand(
        db,
        user,
        scope,
        params.lotId ?? "",
        { action: parsed.data.intent, reason: parsed.data.reason },
        { key, baseVersion },
      );
      return json({ ok: true, ...done });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return refused(error.text(t), error.status, { code: error.code });
    }
  }
  if (itemVersion === "invalid") return refused(t("commands.versionInvalid", { ns: "lot" }), 400);
  let entry: unknown;
  try {
    entry = JSON.parse(String(form.get("entry") ?? "null"));
  } catch {
    return refused(t("errors.badFormat", { ns: "lot" }), 400);
  }
  const parsed = EntrySchema.safeParse(entry, { error: zodErrorMap(t) });
  if (!parsed.success)
    return refused(parsed.error.issues[0]?.message ?? t("errors.invalidData", { ns: "lot" }), 400);
  try {
    const saved = await saveEntry(db, user, scope, params.lotId ?? "", parsed.data, {
      key,
      baseVersion,
      itemVersion,
    });
    return json({ ok: true, outcome: saved.outcome, version: saved.version });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const conflict = error.code.startsWith("lot:commands.itemChanged")
      ? { itemId: parsed.data.itemId, ...error.params }
      : undefined;
    return refused(error.text(t), error.status, { code: error.code, conflict });
  }
}
