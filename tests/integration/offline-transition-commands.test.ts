import { describe, expect, it } from "vitest";
import { DomainError } from "~/infra/domain-error";
import { createLot } from "~/modules/lot/create.server";
import { transitionLot } from "~/modules/lot/lots.server";
import { transitionBase } from "~/modules/lot/transition-base";
import { lotPageTransition, transitionCommand } from "~/modules/lot/transition-command.server";
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

  /** The base a tablet showing the lot now would queue its return against. */
  const baseOf = async (lotId: string) =>
    transitionBase(
      await db.inspectionLot.findUniqueOrThrow({
        where: { id: lotId },
        select: { status: true, submittedAt: true, acceptedAt: true },
      }),
    );

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
    const command = { key: "9a1b2c3d-return-0001", baseVersion: await baseOf(lotId) };
    expect(command.baseVersion).toMatch(/^submitted@\d{4}-/);
    const input = { action: "reject" as const, reason: "扶手焊缝未打磨，请整改后重新提交" };
    // Sent five times at once (a retry racing a lost answer): applied by one, the others replays.
    const sends = await Promise.all(
      Array.from({ length: 5 }, () =>
        transitionCommand(db, supervisor, "any", lotId, input, command),
      ),
    );
    expect(sends.filter((r) => r.outcome === "applied")).toHaveLength(1);
    for (const r of sends) expect(r.state).toBe("rejected");
    const replay = await transitionCommand(db, supervisor, "any", lotId, input, command);
    expect(replay).toEqual({ outcome: "duplicate", state: "rejected" });
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

  it("a page post whose answer was lost: the 退回 queued with its key is answered as done, not 冲突", async () => {
    const supervisor = await user("jianli");
    const lotId = await submittedLot();
    const base = await baseOf(lotId);
    const key = "9a1b2c3d-page-0001";
    const input = { action: "reject" as const, reason: "接地线未压接，请整改" };
    // The page's own 退回 (online, with the key the browser stamped on it) is applied ...
    expect(
      await lotPageTransition(db, supervisor, "any", lotId, input, { key, baseVersion: base }),
    ).toBe("rejected");
    // ... its answer lost, the tablet queues the tap with the same key and the page's base.
    expect(
      await transitionCommand(db, supervisor, "any", lotId, input, { key, baseVersion: base }),
    ).toEqual({ outcome: "duplicate", state: "rejected" });
    expect(await state(lotId)).toEqual([{ status: "rejected", lastReason: input.reason }, 1, 1]);
    // Without a key (no JavaScript) the post goes as before: a second 退回 is refused by state.
    await expect(
      lotPageTransition(db, supervisor, "any", lotId, input, { key: null, baseVersion: base }),
    ).rejects.toBeInstanceOf(DomainError);
    // A page that kept its key into another round (the lot submitted again) is not answered
    // "done" for a step it never applied: the key's receipt names another base.
    await expect(
      lotPageTransition(db, supervisor, "any", lotId, input, {
        key,
        baseVersion: "submitted@2026-12-01T00:00:00.000Z",
      }),
    ).rejects.toMatchObject({ code: "lot:errors.commandKeyReused", status: 409 });
    expect(await state(lotId)).toEqual([{ status: "rejected", lastReason: input.reason }, 1, 1]);
  });

  it("is refused, naming the lot's new state, when the lot was accepted meanwhile; nothing changes", async () => {
    const supervisor = await user("jianli");
    const lotId = await submittedLot();
    const base = await baseOf(lotId);
    // Another supervisor accepts while this tablet is offline.
    await transitionLot(db, supervisor, "any", lotId, "accept", null);
    const late = transitionCommand(
      db,
      supervisor,
      "any",
      lotId,
      { action: "reject", reason: "栏杆高度不足" },
      { key: "9a1b2c3d-return-0002", baseVersion: base },
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
    const base = { key: "9a1b2c3d-return-0003", baseVersion: await baseOf(lotId) };
    await expect(
      transitionCommand(db, supervisor, "any", lotId, { action: "reject", reason: null }, base),
    ).rejects.toBeInstanceOf(DomainError);
    const contractor = await user("shigong1");
    await expect(
      transitionCommand(db, contractor, "own", lotId, { action: "reject", reason: "自退" }, base),
    ).rejects.toBeInstanceOf(DomainError);
    expect(await state(lotId)).toEqual([{ status: "submitted", lastReason: null }, 0, 0]);
  });

  it("is refused for a later round of the same state (returned and submitted again meanwhile), and without a base", async () => {
    const supervisor = await user("jianli");
    const contractor = { ...(await user("shigong1")), role: "contractor" as const };
    const lotId = await submittedLot();
    const queuedOn = await baseOf(lotId);
    // Meanwhile: another supervisor returns it, the contractor submits it again.
    await transitionLot(db, supervisor, "any", lotId, "reject", "补充记录");
    await new Promise((r) => setTimeout(r, 5));
    await transitionLot(db, contractor, "own", lotId, "submit", null);
    const late = transitionCommand(
      db,
      supervisor,
      "any",
      lotId,
      { action: "reject", reason: "旧的退回理由" },
      { key: "9a1b2c3d-return-0004", baseVersion: queuedOn },
    );
    await expect(late).rejects.toMatchObject({ code: "lot:commands.stateChanged" });
    const bare = transitionCommand(
      db,
      supervisor,
      "any",
      lotId,
      { action: "reject", reason: "旧的退回理由" },
      { key: "9a1b2c3d-return-0005", baseVersion: null },
    );
    await expect(bare).rejects.toMatchObject({ code: "lot:commands.stateChanged" });
    expect(await state(lotId)).toEqual([{ status: "submitted", lastReason: null }, 1, 0]);
    // Against the lot as it is now, it applies.
    const now = await transitionCommand(
      db,
      supervisor,
      "any",
      lotId,
      { action: "reject", reason: "栏杆立柱间距超标" },
      { key: "9a1b2c3d-return-0006", baseVersion: await baseOf(lotId) },
    );
    expect(now.outcome).toBe("applied");
  });
});
