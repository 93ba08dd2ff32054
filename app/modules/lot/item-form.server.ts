import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { parseItemVersion } from "./commands.server";
import { parseWas } from "./corrections";
import type { EntryInput } from "./entry-types";
import { entryFromItemForm, type ItemFormFields } from "./item-form";
import { getLot, saveEntry } from "./lots.server";
import { lotRefusal } from "./messages";

/**
 * Saves one item's plain form post (the lot page without JavaScript): the item's record as it is
 * now, changed as the form says, through the same saveEntry a tablet's autosave uses. `version`:
 * the item's version the page showed (a hidden field), when the form carries it.
 */
export async function saveItemForm(
  db: Db,
  viewer: Actor & { id: string },
  scope: Scope,
  lotId: string,
  itemId: string,
  fields: ItemFormFields,
  version?: string | null,
) {
  const itemVersion = parseItemVersion(version);
  if (itemVersion === "invalid")
    throw new DomainError("lot:commands.versionInvalid", { status: 400 });
  const detail = await getLot(db, lotId, viewer, scope);
  if (!detail) throw new DomainError("lot:errors.notFound", { status: 404 });
  const entry = detail.lot.entries.find((e) => e.itemId === itemId);
  const current: EntryInput = {
    itemId,
    result: (entry?.result as EntryInput["result"]) ?? null,
    note: entry?.note ?? null,
    designValue: entry?.designValue ?? null,
    points: (entry?.points ?? []).map((p) => ({
      value: p.value,
      serious: p.serious,
      text: p.text,
      design: p.design,
      // The point's history comes along: saveEntry refuses a record that drops it.
      ...(p.was ? { was: parseWas(p.was) } : {}),
      ...(p.removed ? { removed: true } : {}),
    })),
  };
  const outcome = entryFromItemForm(current, fields);
  if (!outcome.ok) throw lotRefusal(outcome.message, 400);
  // The page's version of the item: a change made since by someone else is refused (0028).
  await saveEntry(db, viewer, scope, lotId, outcome.entry, { itemVersion });
}
