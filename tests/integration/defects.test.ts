import path from "node:path";
import { describe, expect, it } from "vitest";
import { DomainError } from "~/infra/domain-error";
import { verifyDatabase } from "~/modules/audit/verify.server";
import { createDefect, transitionDefect } from "~/modules/defect/defects.server";
import { defectHistory, getDefect, listDefects } from "~/modules/defect/read.server";
import { defaultDueOn } from "~/modules/defect/workflow";
import { createLot } from "~/modules/lot/create.server";
import { getLot, saveEntry, saveLotRecords, transitionLot } from "~/modules/lot/lots.server";
import { attachDefectPhoto, defectPhotos } from "~/modules/photo/defect-photos.server";
import { attachLotPhoto, findViewablePhoto } from "~/modules/photo/photos.server";
import { LocalPhotoStorage } from "~/modules/photo/storage.server";
import { fillEntries } from "../../prisma/seed/activity";
import { cameraJpeg } from "../support/images";
import { TMP_DIR } from "../support/paths";
import { rawExec } from "../support/raw-sql";
import { testDb } from "../support/test-db";

describe("defects and the rectification loop", () => {
  const db = testDb({ seeded: true });
  const storage = new LocalPhotoStorage(path.join(TMP_DIR, `defects-${process.pid}-${Date.now()}`));
  let shots = 0;
  const photo = async () => ({
    bytes: await cameraJpeg({ width: 320, height: 240, seed: shots++ }),
    name: `IMG_${shots}.jpg`,
  });
  async function afterPhoto(defectId: string) {
    const { contractorA } = await actors();
    return attachDefectPhoto(
      db,
      storage,
      contractorA,
      "own",
      { defectId, role: "after" },
      await photo(),
    );
  }

  async function actors() {
    const users = await db.user.findMany({
      select: { id: true, username: true, role: true, organizationId: true },
    });
    const u = (name: string) => {
      const found = users.find((x) => x.username === name)!;
      return { ...found, role: found.role as "supervisor" | "contractor" | "bureau" };
    };
    return {
      supervisor: u("jianli"),
      contractorA: u("shigong1"),
      contractorB: u("shigong2"),
      bureau: u("zhujianju"),
    };
  }

  /** A railing lot with every item passing except the first non-numeric one. */
  async function lotWithFailingItem() {
    const { contractorA } = await actors();
    const place = await db.stairwell.findFirstOrThrow({
      where: { building: { compound: { code: "NH" } } },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    const lot = await createLot(db, contractorA, "own", {
      workTypeCode: "stair-railing",
      place: { kind: "stairwell", id: place.id },
    });
    const detail = (await getLot(db, lot.id, contractorA, "own"))!;
    const failing = detail.items.find((i) => !i.spec)!;
    await fillEntries(db, contractorA, lot.id, (item) =>
      item === failing || item.itemId === failing.itemId
        ? { itemId: item.itemId, result: "fail", note: null, designValue: null, points: [] }
        : undefined,
    );
    await saveLotRecords(db, contractorA, "own", lot.id, {
      recordsComplete: true,
      selfCheckNote: null,
    });
    return { lot, failingItemId: failing.itemId };
  }

  async function raise(lotId: string, itemId: string) {
    const { supervisor } = await actors();
    return createDefect(db, supervisor, {
      from: "lot",
      lotId,
      itemId,
      title: "扶手松动",
      description: "3层扶手松动",
      severity: "major",
      dueOn: defaultDueOn("major", new Date()),
    });
  }

  it("raises a numbered defect from a failing item, for the lot's contractor, with an event", async () => {
    const { lot, failingItemId } = await lotWithFailingItem();
    const defect = await raise(lot.id, failingItemId);
    expect(defect.number).toMatch(/^NH-QX-\d{3}$/);
    const row = await db.defect.findUniqueOrThrow({ where: { id: defect.id } });
    const lotRow = await db.inspectionLot.findUniqueOrThrow({ where: { id: lot.id } });
    expect(row).toMatchObject({
      status: "open",
      lotId: lot.id,
      itemId: failingItemId,
      workTypeId: lotRow.workTypeId,
      contractorOrgId: lotRow.contractorOrgId,
      placeLabel: lotRow.placeLabel,
      severity: "major",
    });
    expect(
      await db.auditEvent.count({ where: { entityId: defect.id, action: "defect.create" } }),
    ).toBe(1);
  });

  it("refuses to raise a defect from an item that does not fail", async () => {
    const { lot, failingItemId } = await lotWithFailingItem();
    const { contractorA } = await actors();
    const passing = (await getLot(db, lot.id, contractorA, "own"))!.verdict.items.find(
      (i) => i.status === "pass" && i.itemId !== failingItemId,
    )!;
    await expect(raise(lot.id, passing.itemId)).rejects.toThrow("只能从不合格的检查项目");
  });

  it("hides a defect from another contractor: by id, in lists, and for transitions", async () => {
    const { lot, failingItemId } = await lotWithFailingItem();
    const defect = await raise(lot.id, failingItemId);
    const { contractorA, contractorB } = await actors();
    expect(await getDefect(db, defect.id, contractorB, "own")).toBeNull();
    expect((await listDefects(db, contractorB, "own")).map((d) => d.id)).not.toContain(defect.id);
    expect((await listDefects(db, contractorA, "own")).map((d) => d.id)).toContain(defect.id);
    await expect(
      transitionDefect(db, contractorB, "own", defect.id, "acknowledge", null),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("a refused transition leaves the row and the audit chain unchanged", async () => {
    const { lot, failingItemId } = await lotWithFailingItem();
    const defect = await raise(lot.id, failingItemId);
    const { supervisor, contractorA, bureau } = await actors();
    const before = await db.defect.findUniqueOrThrow({ where: { id: defect.id } });
    const events = await db.auditEvent.count();
    const attempts: [
      typeof supervisor,
      "any" | "own",
      "acknowledge" | "reply" | "close" | "return",
      string | null,
    ][] = [
      [supervisor, "any", "acknowledge", null],
      [supervisor, "any", "close", null],
      [contractorA, "own", "reply", "已修复"],
      [contractorA, "own", "close", null],
      [bureau, "any", "return", "不行"],
    ];
    for (const [who, scope, action, comment] of attempts)
      await expect(transitionDefect(db, who, scope, defect.id, action, comment)).rejects.toThrow();
    await transitionDefect(db, contractorA, "own", defect.id, "acknowledge", null);
    await expect(transitionDefect(db, contractorA, "own", defect.id, "reply", " ")).rejects.toThrow(
      "必须填写",
    );
    const after = await db.defect.findUniqueOrThrow({ where: { id: defect.id } });
    expect({ ...after, status: before.status, updatedAt: before.updatedAt }).toEqual(before);
    expect(after.status).toBe("in_progress");
    expect(await db.auditEvent.count()).toBe(events + 1);
  });

  it("blocks the lot's acceptance until its defect is closed; history records every step", async () => {
    const { lot, failingItemId } = await lotWithFailingItem();
    const defect = await raise(lot.id, failingItemId);
    const { supervisor, contractorA } = await actors();
    // The contractor fixes the item and submits the lot.
    await saveEntry(db, contractorA, "own", lot.id, {
      itemId: failingItemId,
      result: "pass",
      note: "已整改",
      designValue: null,
      points: [],
    });
    await transitionLot(db, contractorA, "own", lot.id, "submit", null);
    const blocked = transitionLot(db, supervisor, "any", lot.id, "accept", null);
    await expect(blocked).rejects.toThrow(DomainError);
    await expect(blocked).rejects.toMatchObject({
      code: "lot:errors.openDefects",
      params: { list: expect.stringContaining(defect.number) },
    });
    expect((await db.inspectionLot.findUniqueOrThrow({ where: { id: lot.id } })).status).toBe(
      "submitted",
    );

    await transitionDefect(db, contractorA, "own", defect.id, "acknowledge", null);
    await afterPhoto(defect.id);
    await transitionDefect(db, contractorA, "own", defect.id, "reply", "已重新焊接固定");
    await transitionDefect(db, supervisor, "any", defect.id, "return", "焊缝未打磨");
    // The same photo again is not a new rectification: the reply needs a new one.
    await expect(
      transitionDefect(db, contractorA, "own", defect.id, "reply", "已打磨"),
    ).rejects.toThrow("请先上传整改后照片");
    await afterPhoto(defect.id);
    await transitionDefect(db, contractorA, "own", defect.id, "reply", "已打磨并刷防锈漆");
    await expect(transitionLot(db, supervisor, "any", lot.id, "accept", null)).rejects.toThrow(
      "lot:errors.openDefects",
    );
    await transitionDefect(db, supervisor, "any", defect.id, "close", null);
    await transitionLot(db, supervisor, "any", lot.id, "accept", null);

    const history = await defectHistory(db, defect.id);
    expect(history.map((h) => h.photos.length)).toEqual([0, 0, 1, 0, 1, 0]);
    expect(history.map((h) => [h.action, h.to, h.comment])).toEqual([
      ["defect.create", "open", null],
      ["defect.acknowledge", "in_progress", null],
      ["defect.reply", "submitted", "已重新焊接固定"],
      ["defect.return", "in_progress", "焊缝未打磨"],
      ["defect.reply", "submitted", "已打磨并刷防锈漆"],
      ["defect.close", "closed", null],
    ]);
    const closed = await db.defect.findUniqueOrThrow({ where: { id: defect.id } });
    expect(closed.status).toBe("closed");
    expect(closed.closedAt).toBeInstanceOf(Date);
  });

  it("audit verification catches a defect status changed directly in the database", async () => {
    const { lot, failingItemId } = await lotWithFailingItem();
    const defect = await raise(lot.id, failingItemId);
    const clean = await verifyDatabase(db, storage);
    expect(clean.recordBreaks.filter((b) => b.entityType === "Defect")).toEqual([]);
    await rawExec(db, `UPDATE "Defect" SET "status" = 'closed' WHERE "id" = ?`, defect.id);
    const report = await verifyDatabase(db, storage);
    expect(report.recordBreaks).toContainEqual(
      expect.objectContaining({
        entityType: "Defect",
        entityId: defect.id,
        code: "audit:verify.statusChanged",
      }),
    );
  });

  it("gives a defect its item's photos as 整改前 and keeps 整改后 for the assigned contractor", async () => {
    const { lot, failingItemId } = await lotWithFailingItem();
    const { supervisor, contractorA, contractorB, bureau } = await actors();
    const evidence = await attachLotPhoto(
      db,
      storage,
      contractorA,
      "own",
      { lotId: lot.id, itemId: failingItemId },
      await photo(),
    );
    const defect = await raise(lot.id, failingItemId);
    const first = await defectPhotos(db, defect.id);
    expect(first.before.map((p) => p.sha256)).toEqual([evidence.photo.sha256]);
    expect(first.after).toEqual([]);

    // Before photos: the supervisor only. After photos: the assigned contractor, once 整改中.
    await expect(
      attachDefectPhoto(
        db,
        storage,
        contractorA,
        "own",
        { defectId: defect.id, role: "before" },
        await photo(),
      ),
    ).rejects.toThrow("只有监理");
    await expect(afterPhoto(defect.id)).rejects.toThrow("请先确认整改");
    await expect(
      attachDefectPhoto(
        db,
        storage,
        contractorB,
        "own",
        { defectId: defect.id, role: "after" },
        await photo(),
      ),
    ).rejects.toMatchObject({ status: 404 });
    await attachDefectPhoto(
      db,
      storage,
      supervisor,
      "any",
      { defectId: defect.id, role: "before" },
      await photo(),
    );
    await transitionDefect(db, contractorA, "own", defect.id, "acknowledge", null);
    const rows = await db.photo.count();
    await expect(
      transitionDefect(db, contractorA, "own", defect.id, "reply", "已修复"),
    ).rejects.toThrow("请先上传整改后照片");
    const after = await afterPhoto(defect.id);
    expect(await db.photo.count()).toBe(rows + 1);
    await transitionDefect(db, contractorA, "own", defect.id, "reply", "已修复");

    const photos = await defectPhotos(db, defect.id);
    expect(photos.before).toHaveLength(2);
    expect(photos.after.map((p) => p.id)).toEqual([after.photo.id]);
    // Whoever sees the defect sees its photos; the other contractor does not.
    expect(await findViewablePhoto(db, after.photo.id, contractorA, "own")).not.toBeNull();
    expect(await findViewablePhoto(db, after.photo.id, bureau, "any")).not.toBeNull();
    expect(await findViewablePhoto(db, after.photo.id, contractorB, "own")).toBeNull();
    const clean = await verifyDatabase(db, storage);
    expect(clean.chainBreak).toBeNull();
    // (an earlier test in this file tampers with another defect on purpose)
    expect(
      clean.recordBreaks.filter((b) => b.entityType === "Photo" || b.entityId === defect.id),
    ).toEqual([]);
  });

  it("raises a defect on its own at a compound's place, and finds it by place and work type", async () => {
    const { supervisor, contractorA, contractorB } = await actors();
    const nh = await db.compound.findUniqueOrThrow({ where: { code: "NH" }, select: { id: true } });
    const base = {
      from: "compound" as const,
      compoundId: nh.id,
      placeLabel: "3栋 东侧雨水井",
      workTypeCode: "rain-sewer-network",
      title: "雨水井盖破损",
      description: "",
      severity: "general" as const,
      dueOn: defaultDueOn("general", new Date()),
    };
    await expect(
      createDefect(db, supervisor, { ...base, contractorOrgId: contractorB.organizationId }),
    ).rejects.toThrow("该施工单位不承建本小区");
    await expect(
      createDefect(db, supervisor, {
        ...base,
        contractorOrgId: contractorA.organizationId,
        workTypeCode: "no-such-type",
      }),
    ).rejects.toThrow("没有这个工程类别");
    const defect = await createDefect(db, supervisor, {
      ...base,
      contractorOrgId: contractorA.organizationId,
    });
    const found = await listDefects(db, supervisor, "any", {
      place: "3栋",
      workTypeCode: "rain-sewer-network",
    });
    expect(found.map((d) => d.id)).toEqual([defect.id]);
    expect(await listDefects(db, supervisor, "any", { place: "9栋" })).toEqual([]);
    expect((await listDefects(db, contractorB, "own")).map((d) => d.id)).not.toContain(defect.id);
  });
});
