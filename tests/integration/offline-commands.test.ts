import { describe, expect, it } from "vitest";
import { DomainError } from "~/infra/domain-error";
import { createLot } from "~/modules/lot/create.server";
import { getLot, saveEntry } from "~/modules/lot/lots.server";
import { testDb } from "../support/test-db";

/** Outbox commands (issue 17): the idempotency key makes a replayed command change nothing. */
describe("offline commands on a lot", () => {
  const db = testDb({ seeded: true });

  async function setup() {
    const user = await db.user.findFirstOrThrow({
      where: { username: "shigong1" },
      select: { id: true, role: true, organizationId: true },
    });
    const contractor = { ...user, role: user.role as "contractor" };
    const place = await db.stairwell.findFirstOrThrow({
      where: { building: { compound: { code: "NH" } } },
      select: { id: true },
      orderBy: { id: "desc" },
    });
    const lot = await createLot(db, contractor, "own", {
      workTypeCode: "stair-railing",
      place: { kind: "stairwell", id: place.id },
    });
    const detail = await getLot(db, lot.id, contractor, "own");
    const itemId = detail?.lot.template.items[0]?.id ?? "";
    return { contractor, lotId: lot.id, itemId };
  }

  const count = (lotId: string) =>
    Promise.all([
      db.auditEvent.count({ where: { entityId: lotId, action: "lot.entry.save" } }),
      db.commandReceipt.count({ where: { lotId } }),
    ]);

  it("applies a command once: the same key again, even at the same time, changes nothing", async () => {
    const { contractor, lotId, itemId } = await setup();
    const entry = { itemId, result: "pass" as const, note: "东侧", designValue: null, points: [] };
    const command = { key: "0f8e6c1a-offline-0001", baseVersion: "draft" };
    expect(await saveEntry(db, contractor, "own", lotId, entry, command)).toEqual({
      applied: true,
    });
    expect(await count(lotId)).toEqual([1, 1]);
    const changed = { ...entry, note: "改过的备注" };
    expect(await saveEntry(db, contractor, "own", lotId, changed, command)).toEqual({
      applied: false,
    });
    const again = { key: "0f8e6c1a-offline-0002", baseVersion: "draft" };
    const both = await Promise.all([
      saveEntry(db, contractor, "own", lotId, entry, again),
      saveEntry(db, contractor, "own", lotId, entry, again),
    ]);
    expect(both.filter((r) => r.applied)).toHaveLength(1);
    expect(await count(lotId)).toEqual([2, 2]);
    const row = await db.lotItemEntry.findFirstOrThrow({
      where: { lotId },
      select: { note: true },
    });
    expect(row.note).toBe("东侧");

    // A key is one command: the same key sent for another lot is refused, nothing applied there.
    const place = await db.inspectionLot.findUniqueOrThrow({
      where: { id: lotId },
      select: { stairwellId: true },
    });
    const other = await createLot(db, contractor, "own", {
      workTypeCode: "stairwell-wiring",
      place: { kind: "stairwell", id: place.stairwellId ?? "" },
    });
    const otherDetail = await getLot(db, other.id, contractor, "own");
    const otherItem = otherDetail?.lot.template.items[0]?.id ?? "";
    await expect(
      saveEntry(db, contractor, "own", other.id, { ...entry, itemId: otherItem }, command),
    ).rejects.toMatchObject({ status: 409, code: "lot:errors.commandKeyReused" });
    expect(await count(other.id)).toEqual([0, 0]);
  });

  it("refuses a command on a lot that may no longer change, and keeps no receipt", async () => {
    const { contractor, lotId, itemId } = await setup();
    await db.inspectionLot.update({ where: { id: lotId }, data: { status: "accepted" } });
    const entry = { itemId, result: "fail" as const, note: null, designValue: null, points: [] };
    const command = { key: "0f8e6c1a-offline-0003", baseVersion: "draft" };
    await expect(saveEntry(db, contractor, "own", lotId, entry, command)).rejects.toThrow(
      DomainError,
    );
    expect(await count(lotId)).toEqual([0, 0]);
  });
});
