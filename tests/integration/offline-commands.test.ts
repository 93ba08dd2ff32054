import { describe, expect, it } from "vitest";
import { DomainError } from "~/infra/domain-error";
import { createLot } from "~/modules/lot/create.server";
import { saveItemForm } from "~/modules/lot/item-form.server";
import { getLot, judgeSpecOf, saveEntry } from "~/modules/lot/lots.server";
import { testDb } from "../support/test-db";

/**
 * Outbox commands (issue 17): the idempotency key makes a replayed command change nothing; the
 * item version a command was based on decides whether it applies (decision 0028).
 */
describe("offline commands on a lot", () => {
  const db = testDb({ seeded: true });

  async function user(username: string) {
    const u = await db.user.findFirstOrThrow({
      where: { username },
      select: { id: true, role: true, organizationId: true },
    });
    return { ...u, role: u.role as "contractor" | "supervisor" };
  }

  async function setup() {
    const contractor = await user("shigong1");
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
    const items = detail?.lot.template.items ?? [];
    const itemId = items[0]?.id ?? "";
    const measured = items.find((i) => judgeSpecOf(i))?.id ?? "";
    const unmeasured = items.find((i) => !judgeSpecOf(i))?.id ?? "";
    return { contractor, lotId: lot.id, itemId, items, measured, unmeasured, place: place.id };
  }

  const count = (lotId: string) =>
    Promise.all([
      db.auditEvent.count({ where: { entityId: lotId, action: "lot.entry.save" } }),
      db.commandReceipt.count({ where: { lotId } }),
    ]);
  const stored = (lotId: string, itemId: string) =>
    db.lotItemEntry.findUnique({
      where: { lotId_itemId: { lotId, itemId } },
      select: { result: true, note: true, version: true, points: { select: { value: true } } },
    });
  const entry = (itemId: string, change: object = {}) => ({
    itemId,
    result: "pass" as const,
    note: null,
    designValue: null,
    points: [],
    ...change,
  });

  it("applies a command once: the same key again, even at the same time, changes nothing", async () => {
    const { contractor, lotId, itemId } = await setup();
    const first = entry(itemId, { note: "东侧" });
    const command = { key: "0f8e6c1a-offline-0001", baseVersion: "draft", itemVersion: 0 };
    expect(await saveEntry(db, contractor, "own", lotId, first, command)).toEqual({
      applied: true,
      outcome: "applied",
      version: 1,
    });
    expect(await count(lotId)).toEqual([1, 1]);
    // A replay answers the version the command produced, whatever it carries now.
    const changed = { ...first, note: "改过的备注" };
    expect(await saveEntry(db, contractor, "own", lotId, changed, command)).toEqual({
      applied: false,
      outcome: "duplicate",
      version: 1,
    });
    const again = { key: "0f8e6c1a-offline-0002", baseVersion: "draft", itemVersion: 1 };
    const both = await Promise.all([
      saveEntry(db, contractor, "own", lotId, first, again),
      saveEntry(db, contractor, "own", lotId, first, again),
    ]);
    expect(both.filter((r) => r.applied)).toHaveLength(1);
    expect(both.map((r) => r.version)).toEqual([2, 2]);
    expect(await count(lotId)).toEqual([2, 2]);
    expect(await stored(lotId, itemId)).toMatchObject({ note: "东侧", version: 2 });

    // A key is one command: sent for another item or another lot it is refused, nothing applied.
    const otherItemHere = (await getLot(db, lotId, contractor, "own"))?.lot.template.items[1]?.id;
    await expect(
      saveEntry(db, contractor, "own", lotId, { ...first, itemId: otherItemHere ?? "" }, command),
    ).rejects.toMatchObject({ status: 409, code: "lot:errors.commandKeyReused" });
    expect(await count(lotId)).toEqual([2, 2]);
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
      saveEntry(db, contractor, "own", other.id, { ...first, itemId: otherItem }, command),
    ).rejects.toMatchObject({ status: 409, code: "lot:errors.commandKeyReused" });
    expect(await count(other.id)).toEqual([0, 0]);
  });

  it("refuses a change to an item someone else changed since, naming who and what", async () => {
    const { lotId, itemId } = await setup();
    const [tian, wang] = [await user("jianli"), await user("zongjian")];
    // Both opened the page with the item at version 0; 王振华 (总监) saves first.
    await saveEntry(db, wang, "any", lotId, entry(itemId, { note: "栏杆高度已复核" }), {
      key: "conflict-wang-0001",
      itemVersion: 0,
    });
    const mine = entry(itemId, { result: "fail", note: "立杆间距偏大" });
    const refused = saveEntry(db, tian, "any", lotId, mine, {
      key: "conflict-tian-0001",
      itemVersion: 0,
    });
    await expect(refused).rejects.toMatchObject({
      status: 409,
      code: "lot:commands.itemChangedSeveral",
      params: { name: "王振华", what: "result", count: 2 },
    });
    expect(await stored(lotId, itemId)).toMatchObject({
      result: "pass",
      note: "栏杆高度已复核",
      version: 1,
    });
    expect(await count(lotId)).toEqual([1, 1]);
  });

  it("refuses a plain form post (no JavaScript) made on a page older than the item", async () => {
    const { lotId, itemId } = await setup();
    const [tian, wang] = [await user("jianli"), await user("zongjian")];
    // Both pages show version 0; 王振华 posts first, 田志刚's post carries the page's version.
    await saveItemForm(db, wang, "any", lotId, itemId, { note: "王的备注" }, "0");
    await expect(
      saveItemForm(db, tian, "any", lotId, itemId, { note: "田的备注" }, "0"),
    ).rejects.toMatchObject({ status: 409, code: "lot:commands.itemChanged" });
    // After a reload (version 1) the same post applies; a version that is not a number is refused.
    await saveItemForm(db, tian, "any", lotId, itemId, { note: "田的备注" }, "1");
    expect(await stored(lotId, itemId)).toMatchObject({ note: "田的备注", version: 2 });
    await expect(
      saveItemForm(db, tian, "any", lotId, itemId, { result: "fail" }, "x1"),
    ).rejects.toMatchObject({ status: 400, code: "lot:commands.versionInvalid" });
  });

  it("lets two supervisors record different items of one lot without a conflict", async () => {
    const { lotId, items } = await setup();
    const [tian, wang] = [await user("jianli"), await user("zongjian")];
    const [a, b] = [items[0]?.id ?? "", items[1]?.id ?? ""];
    // Offline at the same time, each on the version their page showed, sent in either order.
    const sent = await Promise.all([
      saveEntry(db, tian, "any", lotId, entry(a, { note: "田" }), {
        key: "diff-tian",
        itemVersion: 0,
      }),
      saveEntry(db, wang, "any", lotId, entry(b, { note: "王" }), {
        key: "diff-wang",
        itemVersion: 0,
      }),
    ]);
    expect(sent.map((s) => s.outcome)).toEqual(["applied", "applied"]);
    expect(await stored(lotId, a)).toMatchObject({ note: "田", version: 1 });
    expect(await stored(lotId, b)).toMatchObject({ note: "王", version: 1 });
  });

  it("takes an identical change on a moved-on item as done, changing nothing", async () => {
    const { lotId, itemId } = await setup();
    const [tian, wang] = [await user("jianli"), await user("zongjian")];
    const same = entry(itemId, { result: "fail", note: "扶手松动" });
    await saveEntry(db, wang, "any", lotId, same, { key: "same-wang-01", itemVersion: 0 });
    const answer = await saveEntry(db, tian, "any", lotId, same, {
      key: "same-tian-01",
      itemVersion: 0,
    });
    expect(answer).toEqual({ applied: false, outcome: "unchanged", version: 1 });
    expect(await stored(lotId, itemId)).toMatchObject({ note: "扶手松动", version: 1 });
    // One change, one audit event; the receipt answers a replay of the identical change.
    expect(await count(lotId)).toEqual([1, 2]);
    const replay = await saveEntry(db, tian, "any", lotId, same, { key: "same-tian-01" });
    expect(replay.outcome).toBe("duplicate");
  });

  it("applies 50 parallel replays of one key once: one row change, one receipt, one event", async () => {
    const { contractor, lotId, measured } = await setup();
    const record = entry(measured, { points: [{ value: 3, serious: false }] });
    // (200 over HTTP against the built server: tests/e2e/hostile.spec.ts)
    const command = { key: "parallel-replay-0001", itemVersion: 0 };
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => saveEntry(db, contractor, "own", lotId, record, command)),
    );
    expect(answers.filter((a) => a.outcome === "applied")).toHaveLength(1);
    expect(answers.every((a) => a.version === 1)).toBe(true);
    expect(await count(lotId)).toEqual([1, 1]);
    expect(await stored(lotId, measured)).toMatchObject({ version: 1, points: [{ value: 3 }] });
  }, 60_000);

  it("refuses guessed ids, another contractor's lot and points on an item without points", async () => {
    const { contractor, lotId, itemId, unmeasured } = await setup();
    const other = await user("shigong2");
    const command = (key: string) => ({ key, itemVersion: 0 });
    await expect(
      saveEntry(db, other, "own", lotId, entry(itemId), command("hostile-other-1")),
    ).rejects.toMatchObject({ status: 404, code: "lot:errors.notFound" });
    await expect(
      saveEntry(
        db,
        contractor,
        "own",
        "cguessedlot0000000000000",
        entry(itemId),
        command("hostile-guess-1"),
      ),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      saveEntry(
        db,
        contractor,
        "own",
        lotId,
        entry("cguesseditem00000000000"),
        command("hostile-guess-2"),
      ),
    ).rejects.toMatchObject({ status: 404, code: "lot:commands.itemNotFound" });
    const pointed = entry(unmeasured, { points: [{ value: 5, serious: false }] });
    await expect(
      saveEntry(db, contractor, "own", lotId, pointed, command("hostile-points-1")),
    ).rejects.toMatchObject({ status: 400, code: "lot:commands.pointsNotTaken" });
    expect(await count(lotId)).toEqual([0, 0]);
    expect(await db.lotItemEntry.count({ where: { lotId } })).toBe(0);
  });

  it("refuses a command on a signed lot, and keeps no receipt", async () => {
    const { contractor, lotId, itemId } = await setup();
    await db.inspectionLot.update({ where: { id: lotId }, data: { status: "accepted" } });
    const command = { key: "0f8e6c1a-offline-0003", baseVersion: "draft", itemVersion: 0 };
    await expect(
      saveEntry(db, contractor, "own", lotId, entry(itemId, { result: "fail" }), command),
    ).rejects.toThrow(DomainError);
    expect(await count(lotId)).toEqual([0, 0]);
  });
});
