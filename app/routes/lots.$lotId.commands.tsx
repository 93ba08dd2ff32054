import type { ActionFunctionArgs } from "@remix-run/node";
import { DomainError } from "~/infra/domain-error";
import { requestT } from "~/modules/auth/language.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { zodErrorMap } from "~/modules/i18n/zod-messages";
import { COMMAND_KEY } from "~/modules/lot/commands.server";
import { EntrySchema } from "~/modules/lot/forms";
import { saveEntry } from "~/modules/lot/lots.server";

/**
 * POST one outbox command from the tablet (form fields `kind`, `key`, `baseVersion`, `entry`).
 * Validated as the lot page's own autosave is; answers JSON `{ ok, outcome, message? }` where
 * outcome is applied | duplicate (the key was applied before: nothing changes) | refused (with
 * the reason the tablet shows under 冲突, in the reader's language).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const json = (body: unknown, status = 200) => Response.json(body, { status });
  if (request.method !== "POST") return json({ ok: false, outcome: "refused" }, 405);
  const { user, scope, db } = await requireUser(request, "lot.record");
  const t = await requestT(request);
  const refused = (message: string, status: number) =>
    json({ ok: false, outcome: "refused", message }, status);
  const form = await request.formData();
  const key = String(form.get("key") ?? "");
  const baseVersion = String(form.get("baseVersion") ?? "").slice(0, 64) || null;
  if (!COMMAND_KEY.test(key)) return refused(t("errors.commandKeyMissing", { ns: "lot" }), 400);
  if (form.get("kind") !== "entry")
    return refused(t("errors.commandKindUnknown", { ns: "lot" }), 400);
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
    const { applied } = await saveEntry(db, user, scope, params.lotId ?? "", parsed.data, {
      key,
      baseVersion,
    });
    return json({ ok: true, outcome: applied ? "applied" : "duplicate" });
  } catch (error) {
    if (error instanceof DomainError) return refused(error.text(t), error.status);
    throw error;
  }
}
