import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { parseWas } from "./corrections";
import type { EntryInput } from "./entry-types";
import { entryFromItemForm, type ItemFormFields } from "./item-form";
import { getLot, saveEntry } from "./lots.server";
import { lotRefusal } from "./messages";

/**
 * Saves one item's plain form post (the lot page without JavaScript): the item's record as it is
 * now, changed as the form says, through the same saveEntry a tablet's autosave uses.
 */
export async function saveItemForm(
  db: Db,
  viewer: Actor & { id: string },
  scope: Scope,
  lotId: string,
  itemId: string,
  fields: ItemFormFields,
) {
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
  await saveEntry(db, viewer, scope, lotId, outcome.entry);
}
