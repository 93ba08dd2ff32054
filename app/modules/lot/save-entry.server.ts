import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { isUniqueViolation } from "~/infra/db-errors";
import { DomainError } from "~/infra/domain-error";
import { recordEvent } from "~/modules/audit/record.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { commandApplied, type OfflineCommand, recordCommand } from "./commands.server";
import { correctionRefusal, correctionsMade } from "./corrections";
import type { EntryInput } from "./entry-types";
import { decideItemVersion, itemChangedMessage } from "./item-version";
import { judgeSpecOf, type LotDetail } from "./lot-query.server";
import { lotRefusal } from "./messages";
import { assertLotStateUnchanged, assertMay, normalizedPoint, requireLot } from "./record.server";

type Viewer = Actor & { id: string };

/**
 * What became of a write: `applied` (the item changed, now at `version`), or not applied because
 * the key was applied before (`duplicate`) or the item already read so (`unchanged`).
 */
export type EntrySaved = {
  applied: boolean;
  outcome: "applied" | "duplicate" | "unchanged";
  version: number | null;
};

/**
 * Replaces one item's record. A tablet's outbox command carries an idempotency key: its receipt
 * is written in the same transaction, and a replay of a key already applied changes nothing. A
 * write that names the item version it was based on applies only if the item is still there, or
 * already reads as the write would make it; otherwise it is refused naming what changed and who
 * changed it (decision 0028). Two people recording different items of one lot never conflict.
 */
export async function saveEntry(
  db: Db,
  viewer: Viewer,
  scope: Scope,
  lotId: string,
  input: EntryInput,
  command: OfflineCommand = {},
): Promise<EntrySaved> {
  const detail = await requireLot(db, lotId, viewer, scope);
  const key = command.key ?? null;
  const replay = key ? await commandApplied(db, viewer.id, key) : null;
  if (replay) return replayAnswer(replay, lotId, input.itemId);
  assertMay(detail, viewer, "save");
  const item = detail.lot.template.items.find((i) => i.id === input.itemId);
  if (!item) throw new DomainError("lot:commands.itemNotFound", { status: 404 });
  const points = input.points.map(normalizedPoint);
  const recorded = { ...input, points };
  const saved = db.$transaction(async (tx): Promise<EntrySaved> => {
    await assertLotStateUnchanged(tx, lotId, detail.lot.status, "entry");
    // A concurrent replay that committed after the check above: answered as a replay.
    const late = key ? await commandApplied(tx, viewer.id, key) : null;
    if (late) return replayAnswer(late, lotId, input.itemId);
    const current = await tx.lotItemEntry.findUnique({
      where: { lotId_itemId: { lotId, itemId: input.itemId } },
      select: {
        version: true,
        result: true,
        note: true,
        designValue: true,
        updatedBy: { select: { displayName: true } },
        points: {
          select: { value: true, text: true, design: true, was: true, removed: true },
          orderBy: { seq: "asc" },
        },
      },
    });
    const before = (current?.points ?? []).map((p) => normalizedPoint(p));
    if (!judgeSpecOf(item) && points.length > before.length)
      throw new DomainError("lot:commands.pointsNotTaken", { status: 400 });
    const stored = {
      result: current?.result ?? null,
      note: current?.note ?? null,
      designValue: current?.designValue ?? null,
      points: before,
    };
    const at = current?.version ?? 0;
    const decision = decideItemVersion(command.itemVersion, at, stored, recorded);
    if (decision.kind === "conflict") {
      const by = current?.updatedBy?.displayName ?? null;
      throw lotRefusal(itemChangedMessage(item.code, by, decision.fields), 409);
    }
    if (decision.kind === "unchanged") {
      if (key) await recordCommand(tx, viewer.id, lotId, "entry", { ...command, key }, item.id, at);
      return { applied: false, outcome: "unchanged", version: at };
    }
    if (key)
      await recordCommand(tx, viewer.id, lotId, "entry", { ...command, key }, item.id, at + 1);
    await writeEntry(tx, viewer, detail, recorded, before, at + 1);
    return { applied: true, outcome: "applied", version: at + 1 };
  });
  return saved.catch(async (error) => {
    // The same key committed by a concurrent replay in between: applied once, by that one.
    const again = key && isUniqueViolation(error) ? await commandApplied(db, viewer.id, key) : null;
    if (again) return replayAnswer(again, lotId, input.itemId);
    throw error;
  });
}

function replayAnswer(
  replay: { lotId: string; kind: string; itemId: string | null; version: number | null },
  lotId: string,
  itemId: string,
) {
  // Receipts written before items were recorded on them name the lot only.
  if (
    replay.kind !== "entry" ||
    replay.lotId !== lotId ||
    (replay.itemId !== null && replay.itemId !== itemId)
  )
    throw new DomainError("lot:errors.commandKeyReused", { status: 409 });
  return { applied: false, outcome: "duplicate", version: replay.version } satisfies EntrySaved;
}

/** Inside the transaction: the item's new record at `version`, and its audit event(s). */
async function writeEntry(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  detail: LotDetail,
  recorded: EntryInput & { points: ReturnType<typeof normalizedPoint>[] },
  before: ReturnType<typeof normalizedPoint>[],
  version: number,
) {
  const lotId = detail.lot.id;
  const { points } = recorded;
  // A recorded point is corrected or withdrawn, never deleted or rewritten (decision 0016).
  const refusal = correctionRefusal(before, points);
  if (refusal) throw lotRefusal(refusal, 409);
  const corrections = correctionsMade(before, points);
  const fields = {
    result: recorded.result,
    note: recorded.note,
    designValue: recorded.designValue,
    updatedById: viewer.id,
    version,
  };
  const entry = await tx.lotItemEntry.upsert({
    where: { lotId_itemId: { lotId, itemId: recorded.itemId } },
    create: { lotId, itemId: recorded.itemId, ...fields },
    update: fields,
    select: { id: true },
  });
  await tx.samplePoint.deleteMany({ where: { entryId: entry.id } });
  if (points.length > 0) {
    await tx.samplePoint.createMany({
      data: points.map((p, i) => ({
        entryId: entry.id,
        seq: i + 1,
        value: p.value,
        serious: p.serious,
        text: p.text ?? null,
        design: p.design ?? null,
        was: p.was ? JSON.stringify(p.was) : null,
        removed: p.removed ?? false,
      })),
    });
  }
  await tx.inspectionLot.update({ where: { id: lotId }, data: { updatedAt: new Date() } });
  await recordEvent(tx, {
    actorId: viewer.id,
    action: "lot.entry.save",
    entityType: "InspectionLot",
    entityId: lotId,
    data: recorded,
  });
  if (corrections.length > 0) {
    const item = detail.lot.template.items.find((i) => i.id === recorded.itemId);
    await recordEvent(tx, {
      actorId: viewer.id,
      action: "lot.point.correct",
      entityType: "InspectionLot",
      entityId: lotId,
      data: { itemId: recorded.itemId, code: item?.code ?? "", corrections },
    });
  }
}
