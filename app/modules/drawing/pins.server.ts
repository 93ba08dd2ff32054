import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import { recordEvent } from "~/modules/audit/record.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { defectWhere } from "~/modules/defect/access.server";
import { revisionWhere } from "./access.server";
import { isSheetPoint, roundCoord } from "./coords";

type Viewer = Actor & { id: string };
export type PinInput = { revisionId: string; x: number; y: number };

/** The revision a pin may go on, for a defect of `compoundId`; any revision, current or not, of that compound. */
export async function requirePinnableRevision(
  db: Db,
  viewer: Actor,
  scope: Scope,
  compoundId: string,
  pin: PinInput,
) {
  if (!isSheetPoint(pin)) throw new DomainError("drawing:errors.pinOutside", { status: 400 });
  const revision = await db.drawingRevision.findFirst({
    where: { AND: [{ id: pin.revisionId }, revisionWhere(viewer, scope)] },
    select: { id: true, revision: true, sheet: { select: { compoundId: true, number: true } } },
  });
  if (!revision) throw new DomainError("drawing:errors.drawingNotFound", { status: 404 });
  if (revision.sheet.compoundId !== compoundId)
    throw new DomainError("drawing:errors.otherCompound", { status: 400 });
  return revision;
}

/** Inside the caller's transaction: the pin row and its event. */
export async function createPinTx(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  defectId: string,
  revision: { id: string; revision: string; sheet: { number: string } },
  pin: PinInput,
  now = new Date(),
) {
  const x = roundCoord(pin.x);
  const y = roundCoord(pin.y);
  const row = await tx.drawingPin.create({
    data: { defectId, revisionId: revision.id, x, y, placedById: viewer.id, placedAt: now },
    select: { id: true },
  });
  await recordEvent(
    tx,
    {
      actorId: viewer.id,
      action: "drawing.pin.place",
      entityType: "DrawingPin",
      entityId: row.id,
      data: {
        defectId,
        revisionId: revision.id,
        sheet: revision.sheet.number,
        revision: revision.revision,
        x,
        y,
      },
    },
    now,
  );
  return row;
}

/** Pins an existing defect that has no pin yet (a pin, once placed, stays on its revision). */
export async function pinDefect(
  db: Db,
  viewer: Viewer,
  scope: Scope,
  defectId: string,
  pin: PinInput,
) {
  const defect = await db.defect.findFirst({
    where: { AND: [{ id: defectId }, defectWhere(viewer, scope)] },
    select: { id: true, compoundId: true, pin: { select: { id: true } } },
  });
  if (!defect) throw new DomainError("drawing:errors.defectNotFound", { status: 404 });
  if (defect.pin) throw new DomainError("drawing:errors.alreadyPinned", { status: 409 });
  const revision = await requirePinnableRevision(db, viewer, scope, defect.compoundId, pin);
  try {
    return await db.$transaction((tx) => createPinTx(tx, viewer, defect.id, revision, pin));
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "P2002")
      throw new DomainError("drawing:errors.alreadyPinned", { status: 409 });
    throw error;
  }
}

/** Defects of a compound the viewer may see that have no pin yet: candidates for a new pin. */
export async function unpinnedDefects(db: Db, viewer: Actor, scope: Scope, compoundId: string) {
  return db.defect.findMany({
    where: {
      AND: [{ compoundId, pin: null, status: { not: "closed" } }, defectWhere(viewer, scope)],
    },
    select: { id: true, number: true, title: true, status: true },
    orderBy: { number: "asc" },
  });
}

/** A revision as a pin is drawn on it: which one, and its preview's size. */
const REVISION_PREVIEW = {
  id: true,
  revision: true,
  status: true,
  previewWidth: true,
  previewHeight: true,
  renderStatus: true,
} as const;

/** A defect's pin with what the defect page shows around it; the caller has checked the defect is visible. */
export async function pinOfDefect(db: Db, defectId: string) {
  return db.drawingPin.findUnique({
    where: { defectId },
    select: {
      x: true,
      y: true,
      revision: {
        select: { ...REVISION_PREVIEW, sheet: { select: { number: true, title: true } } },
      },
    },
  });
}

/** What the new-defect form needs when it starts from a point on a sheet. */
export async function pinPrefill(db: Db, viewer: Actor, scope: Scope, revisionId: string) {
  return db.drawingRevision.findFirst({
    where: { AND: [{ id: revisionId }, revisionWhere(viewer, scope)] },
    select: {
      ...REVISION_PREVIEW,
      sheet: {
        select: {
          number: true,
          title: true,
          compound: {
            select: {
              id: true,
              name: true,
              contracts: {
                select: { name: true, contractor: { select: { id: true, name: true } } },
                orderBy: { name: "asc" },
              },
            },
          },
        },
      },
    },
  });
}
