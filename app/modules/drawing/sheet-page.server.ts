import type { TFunction } from "i18next";
import type { Db } from "~/infra/db.server";
import { z } from "~/infra/zod";
import { decimalNumber } from "~/infra/zod-fields";
import { type Actor, type Scope, scopeFor } from "~/modules/auth/permissions";
import { revisionView } from "./drawings.server";
import { unpinnedDefects } from "./pins.server";

/**
 * One revision's page: the sheet, its revisions, the pins of defects the viewer may see, and for
 * whoever may raise defects the compound's unpinned ones. Null when not found or not visible.
 */
export async function sheetPage(db: Db, user: Actor & { id: string }, scope: Scope, id: string) {
  const view = await revisionView(db, id, user, scope, scopeFor(user.role, "defect.view"));
  if (!view) return null;
  const { revision } = view;
  const createScope = scopeFor(user.role, "defect.create");
  const unpinned = createScope
    ? await unpinnedDefects(db, user, createScope, revision.sheet.compound.id)
    : [];
  return {
    revision: {
      id: revision.id,
      revision: revision.revision,
      status: revision.status,
      issuedOn: revision.issuedOn,
      width: revision.width,
      height: revision.height,
    },
    sheet: revision.sheet,
    revisions: view.revisions,
    current: view.current,
    pins: revision.pins,
    canPin: createScope !== null,
    unpinned,
  };
}

/** Pinning an existing defect at a point of the sheet (0–1 of its width and height). */
export function pinExistingSchema(t: TFunction) {
  const outside = t("errors.pinOutside", { ns: "drawing" });
  return z.object({
    defectId: z.string({ error: t("errors.chooseDefect", { ns: "drawing" }) }).min(1),
    x: decimalNumber(outside),
    y: decimalNumber(outside),
  });
}
