import type { Db } from "~/infra/db.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { DOCUMENT_MAX_BYTES } from "~/modules/files/document-store.server";
import { isChiefSupervisor } from "~/modules/plan/plan";
import { getLot } from "./lot-query.server";
import { verdictTextZh } from "./verdict-text";

/** The §5.0.6 route form's page: the lot it is for and whether this viewer may use it now. */
export async function acceptRouteFormPage(
  db: Db,
  viewer: Actor & { title: string },
  scope: Scope,
  lotId: string,
) {
  const detail = await getLot(db, lotId, viewer, scope);
  if (!detail) return null;
  const { lot, verdict } = detail;
  return {
    lot: {
      id: lot.id,
      number: lot.number,
      placeLabel: lot.placeLabel,
      status: lot.status,
      verdict: verdictTextZh(verdict.summary),
    },
    // Open while submitted and failing; the action decides (and words any refusal).
    open: lot.status === "submitted" && verdict.status === "fail",
    isChief: isChiefSupervisor(viewer),
    maxMb: Math.round(DOCUMENT_MAX_BYTES / 1024 / 1024),
  };
}
