import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import { recordEvent } from "~/modules/audit/record.server";
import { type Actor, type Scope, scopeFor } from "~/modules/auth/permissions";
import { assertLotStateUnchanged, getLot, requireRecordableLot } from "~/modules/lot/lots.server";
import { compareRevisions } from "./revision";

type Viewer = Actor & { id: string };

/** A lot's drawing references (依据图纸), with the newer current revision when one appeared. */
export async function lotDrawingRefs(db: Db, lotId: string) {
  const refs = await db.lotDrawingRef.findMany({
    where: { lotId },
    select: {
      id: true,
      addedAt: true,
      acknowledgedAt: true,
      acknowledgedBy: { select: { displayName: true } },
      revision: {
        select: {
          id: true,
          revision: true,
          status: true,
          issuedOn: true,
          sourceSha256: true,
          imageSha256: true,
          sheet: {
            select: {
              number: true,
              title: true,
              revisions: { where: { status: "current" }, select: { id: true, revision: true } },
            },
          },
        },
      },
    },
  });
  return refs
    .map((r) => {
      const newer = r.revision.sheet.revisions.find(
        (c) => c.id !== r.revision.id && compareRevisions(c.revision, r.revision.revision) > 0,
      );
      return {
        id: r.id,
        revisionId: r.revision.id,
        number: r.revision.sheet.number,
        title: r.revision.sheet.title,
        revision: r.revision.revision,
        status: r.revision.status,
        issuedOn: r.revision.issuedOn,
        sourceSha256: r.revision.sourceSha256,
        imageSha256: r.revision.imageSha256,
        newer: newer ?? null,
        acknowledgedAt: r.acknowledgedAt,
        acknowledgedBy: r.acknowledgedBy?.displayName ?? null,
        needsAcknowledgement: r.revision.status === "superseded" && !r.acknowledgedAt,
      };
    })
    .sort((a, b) => a.number.localeCompare(b.number));
}
export type LotDrawingRefView = Awaited<ReturnType<typeof lotDrawingRefs>>[number];

/**
 * Current, rendered revisions of the lot's compound not yet referenced: what 添加 offers. A
 * revision still being rendered is not offered: its image hash is part of what the lot signs.
 */
export async function referenceableRevisions(db: Db, lotId: string, compoundId: string) {
  return db.drawingRevision.findMany({
    where: {
      status: "current",
      renderStatus: "ready",
      sheet: { compoundId },
      lotRefs: { none: { lotId } },
    },
    select: { id: true, revision: true, sheet: { select: { number: true, title: true } } },
    orderBy: { sheet: { number: "asc" } },
  });
}

/** The lot and the drawing revision a reference joins, as the viewer asks. */
type RefArgs = [db: Db, viewer: Viewer, scope: Scope, lotId: string, revisionId: string];

/** References a current revision of the lot's compound (while the lot may be recorded). */
export async function addLotDrawingRef(...[db, viewer, scope, lotId, revisionId]: RefArgs) {
  const { lot } = await requireRecordableLot(db, viewer, scope, lotId);
  const revision = await db.drawingRevision.findFirst({
    where: { id: revisionId, sheet: { compoundId: lot.compound.id } },
    select: {
      id: true,
      revision: true,
      status: true,
      sourceSha256: true,
      imageSha256: true,
      sheet: { select: { number: true } },
    },
  });
  if (!revision) throw new DomainError("drawing:errors.notInLotCompound", { status: 404 });
  if (revision.status !== "current")
    throw new DomainError("drawing:errors.onlyCurrent", { status: 409, field: "revisionId" });
  // The image hash goes into the lot's content hash and its event: only once it is known.
  if (revision.imageSha256 === null)
    throw new DomainError("drawing:errors.notRendered", {
      status: 409,
      field: "revisionId",
      params: { number: revision.sheet.number, revision: revision.revision },
    });
  const exists = await db.lotDrawingRef.count({ where: { lotId, revisionId } });
  if (exists > 0) return;
  await db.$transaction(async (tx) => {
    await assertLotStateUnchanged(tx, lotId, lot.status, "drawings");
    await tx.lotDrawingRef.create({ data: { lotId, revisionId, addedById: viewer.id } });
    await recordEvent(tx, {
      actorId: viewer.id,
      action: "lot.drawing.add",
      entityType: "InspectionLot",
      entityId: lotId,
      data: {
        revisionId,
        sheet: revision.sheet.number,
        revision: revision.revision,
        sourceSha256: revision.sourceSha256,
        imageSha256: revision.imageSha256,
      },
    });
  });
}

export async function removeLotDrawingRef(...[db, viewer, scope, lotId, revisionId]: RefArgs) {
  const { lot } = await requireRecordableLot(db, viewer, scope, lotId);
  await db.$transaction(async (tx) => {
    await assertLotStateUnchanged(tx, lotId, lot.status, "drawingRemoval");
    const { count } = await tx.lotDrawingRef.deleteMany({ where: { lotId, revisionId } });
    if (count === 0) throw new DomainError("drawing:errors.notReferenced", { status: 404 });
    await recordEvent(tx, {
      actorId: viewer.id,
      action: "lot.drawing.remove",
      entityType: "InspectionLot",
      entityId: lotId,
      data: { revisionId },
    });
  });
}

/**
 * The supervisor acknowledges that a referenced revision was superseded before acceptance
 * (the work was checked against the older one knowingly). Recorded with who and when.
 */
export async function acknowledgeLotDrawingRef(
  db: Db,
  viewer: Viewer,
  scope: Scope,
  lotId: string,
  revisionId: string,
) {
  // Acknowledging is part of the supervisor's review of the lot: whoever may review it.
  if (scopeFor(viewer.role, "lot.review") === null)
    throw new DomainError("drawing:errors.onlySupervisor", { status: 403 });
  const detail = await getLot(db, lotId, viewer, scope);
  if (!detail) throw new DomainError("drawing:errors.lotNotFound", { status: 404 });
  if (detail.lot.status === "accepted")
    throw new DomainError("drawing:errors.lotAccepted", { status: 409 });
  const ref = await db.lotDrawingRef.findFirst({
    where: { lotId, revisionId },
    select: {
      id: true,
      acknowledgedAt: true,
      revision: { select: { status: true, supersededById: true } },
    },
  });
  if (!ref) throw new DomainError("drawing:errors.notReferenced", { status: 404 });
  if (ref.revision.status !== "superseded")
    throw new DomainError("drawing:errors.stillCurrent", { status: 409 });
  if (ref.acknowledgedAt) return;
  const now = new Date();
  await db.$transaction(async (tx) => {
    await assertLotStateUnchanged(tx, lotId, detail.lot.status, "drawingAck");
    await tx.lotDrawingRef.update({
      where: { id: ref.id },
      data: { acknowledgedById: viewer.id, acknowledgedAt: now },
    });
    await recordEvent(
      tx,
      {
        actorId: viewer.id,
        action: "lot.drawing.acknowledge",
        entityType: "InspectionLot",
        entityId: lotId,
        data: { revisionId, newerRevisionId: ref.revision.supersededById },
      },
      now,
    );
  });
}
