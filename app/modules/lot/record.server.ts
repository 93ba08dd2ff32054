import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import type { Resources } from "~/locales/resources";
import { recordEvent } from "~/modules/audit/record.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { isChiefSupervisor } from "~/modules/plan/plan";
import { currentRoute, isAcceptRoute } from "./acceptance-route";
import { type PriorValue, parseWas } from "./corrections";
import type { EntryInput } from "./entry-types";
import { getLot, type LotDetail } from "./lot-query.server";
import { lotRefusal } from "./messages";
import { PLACE_ATTRIBUTES, SAMPLE_QUANTITIES } from "./verdict";
import { verdictTextZh } from "./verdict-text";
import { decideLotTransition, isLotState, type LotAction } from "./workflow";

type Viewer = Actor & { id: string };

export async function requireLot(db: Db, lotId: string, viewer: Actor, scope: Scope) {
  const detail = await getLot(db, lotId, viewer, scope);
  if (!detail) throw new DomainError("lot:errors.notFound", { status: 404 });
  return detail;
}

export function assertMay(
  detail: LotDetail,
  viewer: Viewer & { title?: string },
  action: LotAction,
  reason?: string | null,
) {
  const state = detail.lot.status;
  if (!isLotState(state))
    throw new DomainError("lot:errors.unknownState", { status: 500, params: { state } });
  const decision = decideLotTransition({
    state,
    action,
    role: viewer.role,
    isOwnContractor: viewer.organizationId === detail.lot.contractorOrgId,
    verdictCanAccept: detail.verdict.canAccept,
    verdictSummary: verdictTextZh(detail.verdict.summary),
    reason,
    // A §5.0.6 route recorded for this submission lets a failing lot be accepted (decision 0032).
    acceptRoute: detail.verdict.status === "fail" ? acceptRouteOf(detail) : null,
    isChief: isChiefSupervisor({ role: viewer.role, title: viewer.title ?? "" }),
  });
  if (!decision.ok) throw lotRefusal(decision.message, 409);
  return decision.next;
}

/** The §5.0.6 route that applies to the lot now (pending or bound), if any. */
export function acceptRouteOf(detail: LotDetail) {
  const route = currentRoute(detail.lot, detail.lot.acceptanceRoutes ?? [])?.route;
  return isAcceptRoute(route) ? route : null;
}

export type { EntryInput };

/** A drawn signature about to be made: the image, the conclusion text, the 专业工长 (施工自检). */
export type PendingSignoff = {
  image: { png: Buffer; sha256: string };
  conclusion: string;
  foreman?: string | null;
};

/**
 * Inside the transaction that writes to a lot: the lot is still in the state the write was
 * allowed from. A sign-off (or any transition) that committed while the request was under way
 * refuses the write, so an honest slow upload or autosave never changes a signed record.
 * `what`: what was not saved, e.g. 照片, 检查记录.
 */
export async function assertLotStateUnchanged(
  tx: Prisma.TransactionClient,
  lotId: string,
  expected: string,
  what: keyof Resources["lot"]["what"],
) {
  // A guarded write, not a read: it takes SQLite's write lock first, so another process's commit
  // cannot slip in between the check and this transaction's own writes (no SQLITE_BUSY_SNAPSHOT).
  const { count } = await tx.inspectionLot.updateMany({
    where: { id: lotId, status: expected },
    data: { status: expected },
  });
  if (count === 1) return;
  const now = await tx.inspectionLot.findUnique({ where: { id: lotId }, select: { status: true } });
  if (now?.status === "accepted")
    throw new DomainError("lot:errors.signedNotSaved", { status: 409, params: { what } });
  const state = now && isLotState(now.status) ? now.status : "changed";
  throw new DomainError("lot:errors.stateChangedNotSaved", {
    status: 409,
    params: { state, what },
  });
}

/** The lot, if the viewer may record on it now (the workflow's 'save' decision), else a LotError. */
export async function requireRecordableLot(db: Db, viewer: Viewer, scope: Scope, lotId: string) {
  const detail = await requireLot(db, lotId, viewer, scope);
  assertMay(detail, viewer, "save");
  return detail;
}

/**
 * A point as stored, hashed and audited: text only when it reads as the value, and text/design
 * omitted when absent (so records made before they existed compare equal).
 */
export function normalizedPoint(p: {
  value: number;
  serious?: boolean;
  text?: string | null;
  design?: number | null;
  was?: string | readonly PriorValue[] | null;
  removed?: boolean;
}) {
  const text = p.text?.trim().replace(",", ".");
  const was = parseWas(p.was).map((w) => normalizedPrior(w));
  return {
    value: p.value,
    serious: p.serious ?? false,
    ...(text && Number(text) === p.value ? { text } : {}),
    ...(p.design !== null && p.design !== undefined ? { design: p.design } : {}),
    // Corrections enter the record only when there are any (records made before hash as before).
    ...(was.length > 0 ? { was } : {}),
    ...(p.removed ? { removed: true } : {}),
  };
}

function normalizedPrior(w: PriorValue): PriorValue {
  const text = w.text?.trim().replace(",", ".");
  return {
    value: w.value,
    ...(text && Number(text) === w.value ? { text } : {}),
    ...(w.design !== null && w.design !== undefined ? { design: w.design } : {}),
  };
}

/** Records the lot's quantities and attributes that sample plans and limits depend on. */
export async function saveLotPlaceData(
  db: Db,
  viewer: Viewer,
  scope: Scope,
  lotId: string,
  input: {
    quantities: Record<string, number | null>;
    attributes: Record<string, number | string | null>;
  },
) {
  const detail = await requireLot(db, lotId, viewer, scope);
  assertMay(detail, viewer, "save");
  const unknownQuantity = Object.keys(input.quantities).find((k) => !(k in SAMPLE_QUANTITIES));
  const unknownAttr = Object.keys(input.attributes).find((k) => !(k in PLACE_ATTRIBUTES));
  if (unknownQuantity || unknownAttr) {
    throw new DomainError("lot:errors.unknownQuantity", {
      status: 400,
      params: { name: unknownQuantity ?? unknownAttr ?? "" },
    });
  }
  await db.$transaction(async (tx) => {
    await tx.inspectionLot.update({
      where: { id: lotId },
      data: {
        quantities: JSON.stringify(input.quantities),
        attributes: JSON.stringify(input.attributes),
      },
    });
    await recordEvent(tx, {
      actorId: viewer.id,
      action: "lot.place.save",
      entityType: "InspectionLot",
      entityId: lotId,
      data: input,
    });
  });
}

export async function saveLotRecords(
  db: Db,
  viewer: Viewer,
  scope: Scope,
  lotId: string,
  input: { recordsComplete: boolean; selfCheckNote: string | null },
) {
  const detail = await requireLot(db, lotId, viewer, scope);
  assertMay(detail, viewer, "save");
  await db.$transaction(async (tx) => {
    await assertLotStateUnchanged(tx, lotId, detail.lot.status, "records");
    await tx.inspectionLot.update({ where: { id: lotId }, data: input });
    await recordEvent(tx, {
      actorId: viewer.id,
      action: "lot.records.save",
      entityType: "InspectionLot",
      entityId: lotId,
      data: input,
    });
  });
}
