import type { ActionFunctionArgs } from "@remix-run/node";
import { db } from "~/infra/db.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { COMMAND_KEY } from "~/modules/lot/commands.server";
import { EntrySchema } from "~/modules/lot/forms";
import { LotError, saveEntry } from "~/modules/lot/lots.server";

/**
 * POST one outbox command from the tablet (form fields `kind`, `key`, `baseVersion`, `entry`).
 * Validated as the lot page's own autosave is; answers JSON `{ ok, outcome, message? }` where
 * outcome is applied | duplicate (the key was applied before: nothing changes) | refused (with
 * the reason the tablet shows under 冲突).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const json = (body: unknown, status = 200) => Response.json(body, { status });
  if (request.method !== "POST") return json({ ok: false, outcome: "refused" }, 405);
  const { user, scope } = await requireUser(request, "lot.record");
  const form = await request.formData();
  const key = String(form.get("key") ?? "");
  const baseVersion = String(form.get("baseVersion") ?? "").slice(0, 64) || null;
  if (!COMMAND_KEY.test(key))
    return json({ ok: false, outcome: "refused", message: "离线记录缺少有效的编号" }, 400);
  if (form.get("kind") !== "entry")
    return json({ ok: false, outcome: "refused", message: "未知的离线记录类型" }, 400);
  let entry: unknown;
  try {
    entry = JSON.parse(String(form.get("entry") ?? "null"));
  } catch {
    return json({ ok: false, outcome: "refused", message: "数据格式错误" }, 400);
  }
  const parsed = EntrySchema.safeParse(entry);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "数据无效";
    return json({ ok: false, outcome: "refused", message }, 400);
  }
  try {
    const { applied } = await saveEntry(db(), user, scope, params.lotId ?? "", parsed.data, {
      key,
      baseVersion,
    });
    return json({ ok: true, outcome: applied ? "applied" : "duplicate" });
  } catch (error) {
    if (error instanceof LotError)
      return json({ ok: false, outcome: "refused", message: error.message }, error.status);
    throw error;
  }
}
