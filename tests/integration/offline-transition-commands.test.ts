import { describe, expect, it } from "vitest";
import { DomainError } from "~/infra/domain-error";
import { createLot } from "~/modules/lot/create.server";
import { transitionLot } from "~/modules/lot/lots.server";
import { transitionCommand } from "~/modules/lot/transition-command.server";
import { fillPassing } from "../../prisma/seed/activity";
import { testDb } from "../support/test-db";

/**
 * A supervisor's 退回 queued on a tablet without signal (issue 17: "every … transition is a
 * command"; signing needs the network, item 6). Applied once per key, only from the state the
 * tablet saw; otherwise refused with what the lot became.
 */
describe("a lot's return as an outbox command", () => {
  const db = testDb({ seeded: true });

  async function user(username: string) {
    const u = await db.user.findFirstOrThrow({
      where: { username },
      select: { id: true, role: true, organizationId: true },
    });
    return { ...u, role: u.role as "contractor" | "supervisor" };
  }

  /** A railing lot the contractor filled and submitted (施工自检已提交). */
  async function submittedLot() {
    const contractor = { ...(await user("shigong1")), role: "contractor" as const };
    const place = await db.stairwell.findFirstOrThrow({
      where: { building: { compound: { code: "NH" } } },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    const lot = await createLot(db, contractor, "own", {
      workTypeCode: "stair-railing",
      place: { kind: "stairwell", id: place.id },
    });
    await fillPassing(db, contractor, lot.id);
    await transitionLot(db, contractor, "own", lot.id, "submit", null);
    return lot.id;
  }

  const state = async (lotId: string) =>
    Promise.all([
      db.inspectionLot.findUniqueOrThrow({
        where: { id: lotId },
        select: { status: true, lastReason: true },
      }),
      db.auditEvent.count({ where: { entityId: lotId, action: "lot.reject" } }),
      db.commandReceipt.count({ where: { lotId, kind: "transition" } }),
    ]);

  it("returns the lot once per key, with its reason; replays (five at once) change nothing", async () => {
    const supervisor = await user("jianli");
    const lotId = await submittedLot();
    const command = { key: "9a1b2c3d-return-0001", baseVersion: "submitted" };
    const input = { action: "reject" as const, reason: "扶手焊缝未打磨，请整改后重新提交" };
    const first = await transitionCommand(db, supervisor, "any", lotId, input, command);
    expect(first).toEqual({ outcome: "applied", state: "rejected" });
    const replays = await Promise.all(
      Array.from({ length: 5 }, () =>
        transitionCommand(db, supervisor, "any", lotId, input, command),
      ),
    );
    for (const r of replays) expect(r).toEqual({ outcome: "duplicate", state: "rejected" });
    expect(await state(lotId)).toEqual([
      { status: "rejected", lastReason: "扶手焊缝未打磨，请整改后重新提交" },
      1,
      1,
    ]);
    // The same key for another action is another command: refused.
    await expect(
      transitionCommand(db, supervisor, "any", lotId, { action: "reopen", reason: "x" }, command),
    ).rejects.toMatchObject({ code: "lot:errors.commandKeyReused" });
  });

  it("is refused, naming the lot's new state, when the lot was accepted meanwhile; nothing changes", async () => {
    const supervisor = await user("jianli");
    const lotId = await submittedLot();
    // Another supervisor accepts while this tablet is offline.
    await transitionLot(db, supervisor, "any", lotId, "accept", null);
    const late = transitionCommand(
      db,
      supervisor,
      "any",
      lotId,
      { action: "reject", reason: "栏杆高度不足" },
      { key: "9a1b2c3d-return-0002", baseVersion: "submitted" },
    );
    await expect(late).rejects.toMatchObject({
      code: "lot:commands.stateChanged",
      status: 409,
      params: { state: "accepted", action: "reject" },
    });
    expect(await state(lotId)).toEqual([{ status: "accepted", lastReason: null }, 0, 0]);
  });

  it("is refused without a reason, and for a contractor, with no receipt", async () => {
    const supervisor = await user("jianli");
    const lotId = await submittedLot();
    const base = { key: "9a1b2c3d-return-0003", baseVersion: "submitted" };
    await expect(
      transitionCommand(db, supervisor, "any", lotId, { action: "reject", reason: null }, base),
    ).rejects.toBeInstanceOf(DomainError);
    const contractor = await user("shigong1");
    await expect(
      transitionCommand(db, contractor, "own", lotId, { action: "reject", reason: "自退" }, base),
    ).rejects.toBeInstanceOf(DomainError);
    expect(await state(lotId)).toEqual([{ status: "submitted", lastReason: null }, 0, 0]);
  });
});
