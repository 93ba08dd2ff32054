import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DomainError } from "~/infra/domain-error";
import { verifyDatabase } from "~/modules/audit/verify.server";
import { raiseDefectCommand } from "~/modules/defect/defect-commands.server";
import { createDefect } from "~/modules/defect/defects.server";
import { recordT } from "~/modules/defect/labels";
import { defaultDueOn, dueOnIso } from "~/modules/defect/workflow";
import { createLot } from "~/modules/lot/create.server";
import { getLot, saveEntry } from "~/modules/lot/lots.server";
import { attachLotPhoto, replayedLotPhoto } from "~/modules/photo/photos.server";
import { LocalPhotoStorage } from "~/modules/photo/storage.server";
import { fillEntries } from "../../prisma/seed/activity";
import { cameraJpeg } from "../support/images";
import { TMP_DIR } from "../support/paths";
import { testDb } from "../support/test-db";

const root = path.join(TMP_DIR, `offline-photos-${process.pid}-${Date.now()}`);
const storage = new LocalPhotoStorage(root);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/**
 * Photos and new defects as outbox commands (issue 17): the idempotency key's receipt is written
 * in the same transaction as the photo or defect, so a replay after a lost answer creates nothing
 * and answers what the first one created.
 */
describe("photo and defect commands from a tablet's outbox", () => {
  const db = testDb({ seeded: true });

  async function user(username: string) {
    const u = await db.user.findFirstOrThrow({
      where: { username },
      select: { id: true, role: true, organizationId: true },
    });
    return { ...u, role: u.role as "contractor" | "supervisor" };
  }

  /** A railing lot whose first item without points fails (as recorded on the tablet). */
  async function lot(failing = true) {
    const contractor = await user("shigong1");
    const place = await db.stairwell.findFirstOrThrow({
      where: { building: { compound: { code: "NH" } } },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    const created = await createLot(db, contractor, "own", {
      workTypeCode: "stair-railing",
      place: { kind: "stairwell", id: place.id },
    });
    const detail = (await getLot(db, created.id, contractor, "own"))!;
    const item = detail.items.find((i) => !i.spec)!;
    if (failing)
      await fillEntries(db, contractor, created.id, (i) =>
        i.itemId === item.itemId
          ? { itemId: i.itemId, result: "fail", note: null, designValue: null, points: [] }
          : undefined,
      );
    return { lotId: created.id, itemId: item.itemId };
  }

  const photoCounts = (lotId: string) =>
    Promise.all([
      db.photo.count({ where: { lotId } }),
      db.auditEvent.count({ where: { entityType: "Photo", payload: { contains: lotId } } }),
      db.commandReceipt.count({ where: { lotId, kind: "photo" } }),
    ]);

  it("stores a photo once per key: a replay (even of other bytes) answers the first photo", async () => {
    const supervisor = await user("jianli");
    const { lotId } = await lot(false);
    const command = { key: "5b1c0d2e-photo-0001", baseVersion: "draft" };
    const bytes = await cameraJpeg({ seed: 31 });
    const first = await attachLotPhoto(
      db,
      storage,
      supervisor,
      "any",
      { lotId, itemId: null },
      { bytes, name: "现场1.jpg" },
      { command },
    );
    expect(first.duplicate).toBe(false);
    expect(await photoCounts(lotId)).toEqual([1, 1, 1]);
    const receipt = await db.commandReceipt.findFirstOrThrow({
      where: { key: command.key },
      select: { kind: true, subjectId: true, baseVersion: true, itemId: true },
    });
    expect(receipt).toEqual({
      kind: "photo",
      subjectId: first.photo.id,
      baseVersion: "draft",
      itemId: null,
    });
    // The answer was lost and the tablet sends again; five at once as well.
    const other = await cameraJpeg({ seed: 32 });
    const replays = await Promise.all(
      [bytes, bytes, other, bytes, bytes].map((b) =>
        attachLotPhoto(
          db,
          storage,
          supervisor,
          "any",
          { lotId, itemId: null },
          { bytes: b, name: "现场1.jpg" },
          { command },
        ),
      ),
    );
    for (const r of replays)
      expect(r).toMatchObject({ duplicate: true, photo: { id: first.photo.id } });
    expect(await photoCounts(lotId)).toEqual([1, 1, 1]);
    const report = await verifyDatabase(db, storage);
    expect(report.chainBreak).toBeNull();
  });

  it("answers a replayed photo as stored after its lot was signed; a new photo there is refused", async () => {
    const supervisor = await user("jianli");
    const { lotId } = await lot(false);
    const command = { key: "5b1c0d2e-photo-0003", baseVersion: "draft" };
    const first = await attachLotPhoto(
      db,
      storage,
      supervisor,
      "any",
      { lotId, itemId: null },
      { bytes: await cameraJpeg({ seed: 35 }), name: "先拍.jpg" },
      { command },
    );
    // The answer was lost; meanwhile the lot was accepted (it can no longer change).
    await db.inspectionLot.update({ where: { id: lotId }, data: { status: "accepted" } });
    const replay = await replayedLotPhoto(db, supervisor, "any", lotId, command.key);
    expect(replay).toMatchObject({ duplicate: true, photo: { id: first.photo.id } });
    expect(await replayedLotPhoto(db, supervisor, "any", lotId, "5b1c0d2e-photo-none")).toBeNull();
    // Another user's key is not theirs to read; a contractor of another compound sees no lot.
    const ownContractor = await user("shigong1");
    expect(await replayedLotPhoto(db, ownContractor, "own", lotId, command.key)).toBeNull();
    const outsider = await user("shigong2");
    await expect(replayedLotPhoto(db, outsider, "own", lotId, command.key)).rejects.toMatchObject({
      status: 404,
    });
    const late = attachLotPhoto(
      db,
      storage,
      supervisor,
      "any",
      { lotId, itemId: null },
      { bytes: await cameraJpeg({ seed: 36 }), name: "后拍.jpg" },
      { command: { key: "5b1c0d2e-photo-0004", baseVersion: "draft" } },
    );
    await expect(late).rejects.toBeInstanceOf(DomainError);
    expect(await photoCounts(lotId)).toEqual([1, 1, 1]);
  });

  it("refuses a photo key already used on another lot, or for an entry, and stores nothing", async () => {
    const supervisor = await user("jianli");
    const a = await lot(false);
    const b = await lot(false);
    const command = { key: "5b1c0d2e-photo-0002", baseVersion: "draft" };
    await attachLotPhoto(
      db,
      storage,
      supervisor,
      "any",
      { lotId: a.lotId, itemId: null },
      { bytes: await cameraJpeg({ seed: 33 }), name: "a.jpg" },
      { command },
    );
    const elsewhere = attachLotPhoto(
      db,
      storage,
      supervisor,
      "any",
      { lotId: b.lotId, itemId: null },
      { bytes: await cameraJpeg({ seed: 34 }), name: "b.jpg" },
      { command },
    );
    await expect(elsewhere).rejects.toMatchObject({ code: "lot:errors.commandKeyReused" });
    expect(await photoCounts(b.lotId)).toEqual([0, 0, 0]);
    const asEntry = saveEntry(
      db,
      supervisor,
      "any",
      a.lotId,
      { itemId: a.itemId, result: "pass", note: null, designValue: null, points: [] },
      command,
    );
    await expect(asEntry).rejects.toBeInstanceOf(DomainError);
  });

  it("raises a defect once per key, after the item's records made it fail", async () => {
    const supervisor = await user("jianli");
    const { lotId, itemId } = await lot();
    const input = {
      from: "lot" as const,
      lotId,
      itemId,
      title: "扶手松动（离线登记）",
      description: "",
      severity: "major" as const,
      dueOn: defaultDueOn("major", new Date()),
    };
    const command = { key: "5b1c0d2e-defect-0001", baseVersion: "draft" };
    const first = await createDefect(db, supervisor, input, command);
    const replays = await Promise.all(
      [1, 2, 3].map(() => createDefect(db, supervisor, input, command)),
    );
    for (const r of replays) expect(r).toMatchObject({ id: first.id, duplicate: true });
    expect(await db.defect.count({ where: { lotId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: first.id } })).toBe(1);
    expect(
      await db.commandReceipt.findMany({
        where: { lotId },
        select: { kind: true, subjectId: true },
      }),
    ).toEqual([{ kind: "defect", subjectId: first.id }]);
  });

  it("answers the command endpoint's refusals: the form's own message, another lot, an item not failing", async () => {
    const supervisor = await user("jianli");
    const { lotId, itemId } = await lot(false);
    const t = recordT();
    const form = (fields: Record<string, string>) => {
      const f = new FormData();
      const all = {
        kind: "defect",
        key: "k",
        lotId,
        itemId,
        title: "扶手松动",
        severity: "general",
        dueOn: dueOnIso(defaultDueOn("general", new Date())),
        ...fields,
      };
      for (const [k, v] of Object.entries(all)) f.set(k, v);
      return f;
    };
    const raise = (fields: Record<string, string>, lot = lotId, key = "5b1c0d2e-defect-0002") =>
      raiseDefectCommand(db, supervisor, t, lot, form(fields), { key, baseVersion: "draft" });
    expect(await raise({ title: " " })).toMatchObject({
      status: 400,
      body: { outcome: "refused", message: "请填写问题标题" },
    });
    expect(await raise({}, "another-lot")).toMatchObject({ status: 404 });
    // A defect from a lot starts from a failing item: a passing one is refused, with why.
    const notFailing = await raise({});
    expect(notFailing).toMatchObject({ status: 400, body: { outcome: "refused" } });
    expect((notFailing.body as { message: string }).message).toContain("只能从不合格的检查项目");
    expect(await db.defect.count({ where: { lotId } })).toBe(0);
    expect(await db.commandReceipt.count({ where: { lotId } })).toBe(0);
  });
});
