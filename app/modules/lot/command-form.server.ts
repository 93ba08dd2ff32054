import type { TFunction } from "i18next";
import { commandBodyRefusal } from "./command-request";
import { COMMAND_KEY } from "./commands.server";
import { say } from "./messages";

export type CommandForm = { form: FormData; key: string; baseVersion: string | null };
export type CommandFormRefusal = { refused: { status: number; message: string } };

/**
 * An outbox command's body, read once its sender is known: a form of at most 1 MB with a
 * declared length, an idempotency key and the `kind` the address named; else the refusal (4xx,
 * in the reader's language). Shared by every commands endpoint (lots, defects).
 */
export async function readCommandForm(
  request: Request,
  t: TFunction,
  kind: string,
): Promise<CommandForm | CommandFormRefusal> {
  const refused = (message: string, status: number) => ({ refused: { status, message } });
  const bodyRefusal = commandBodyRefusal(request.headers);
  if (bodyRefusal) return refused(say(t, bodyRefusal.message), bodyRefusal.status);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refused(t("commands.truncated", { ns: "lot" }), 400);
  }
  const key = String(form.get("key") ?? "");
  const baseVersion = String(form.get("baseVersion") ?? "").slice(0, 64) || null;
  if (!COMMAND_KEY.test(key)) return refused(t("errors.commandKeyMissing", { ns: "lot" }), 400);
  if (form.get("kind") !== kind) return refused(t("errors.commandKindUnknown", { ns: "lot" }), 400);
  return { form, key, baseVersion };
}

/**
 * The key a page's own post carries when the browser stamped one (`commandKey`, see
 * CommandKeyField), or null: a post without JavaScript, or a malformed key, goes as before; and
 * the state the page showed (`baseVersion`), kept with the key's receipt.
 */
export function pagePostKey(form: FormData): { key: string | null; baseVersion: string | null } {
  const key = String(form.get("commandKey") ?? "");
  return {
    key: COMMAND_KEY.test(key) ? key : null,
    baseVersion: String(form.get("baseVersion") ?? "").slice(0, 64) || null,
  };
}
