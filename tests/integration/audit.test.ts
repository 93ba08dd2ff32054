import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Db } from "~/infra/db.server";
import type { StoredEvent } from "~/modules/audit/chain";
import { sha256Hex } from "~/modules/audit/record.server";
import { verifyChain } from "~/modules/audit/verify";
import { exportChain, verifyDatabase } from "~/modules/audit/verify.server";
import { wordBreak } from "~/modules/audit/verify-words";
import { zhBreak, zhBreakLine, zhMessage } from "~/modules/audit/verify-zh.server";
import { fixedT } from "~/modules/i18n/i18n.server";
import { createLot } from "~/modules/lot/create.server";
import { getLot, saveEntry, saveLotRecords, transitionLot } from "~/modules/lot/lots.server";
import { attachLotPhoto } from "~/modules/photo/photos.server";
import { LocalPhotoStorage, photoKey } from "~/modules/photo/storage.server";
import { fillEntries } from "../../prisma/seed/activity";
import { cameraJpeg } from "../support/images";
import { TMP_DIR } from "../support/paths";
import { rawExec } from "../support/raw-sql";
import { testDb } from "../support/test-db";

async function users(db: Db) {
  const rows = await db.user.findMany({
    select: { id: true, username: true, role: true, organizationId: true },
  });
  const u = (name: string) => {
    const r = rows.find((x) => x.username === name)!;
    return { ...r, role: r.role as "supervisor" | "contractor" };
  };
  return { supervisor: u("jianli"), contractor: u("shigong1") };
}

/** An accepted railings lot with every item recorded, and a draft one with one entry. */
async function scenario(db: Db) {
  const { supervisor, contractor } = await users(db);
  const stairwells = await db.stairwell.findMany({
    where: { building: { compound: { code: "NH" } } },
    select: { id: true },
    take: 2,
    orderBy: { id: "asc" },
  });
  const lot = await createLot(db, contractor, "own", {
    workTypeCode: "stair-railing",
    place: { kind: "stairwell", id: stairwells[0]!.id },
  });
  const detail = await getLot(db, lot.id, contractor, "own");
  void detail;
  await fillEntries(db, contractor, lot.id);
  await saveLotRecords(db, contractor, "own", lot.id, {
    recordsComplete: true,
    selfCheckNote: "自检合格",
  });
  await transitionLot(db, contractor, "own", lot.id, "submit", null);
  await transitionLot(db, supervisor, "any", lot.id, "accept", null);
  const draft = await createLot(db, contractor, "own", {
    workTypeCode: "stair-railing",
    place: { kind: "stairwell", id: stairwells[1]!.id },
  });
  const first = (await getLot(db, draft.id, contractor, "own"))!.items[0]!;
  await saveEntry(db, contractor, "own", draft.id, {
    itemId: first.itemId,
    result: "pass",
    note: "ok",
    designValue: null,
    points: [],
  });
  return { accepted: lot, draft };
}

describe("tamper-evident record", () => {
  it("an untouched database verifies clean", async () => {
    const db = testDb({ seeded: true });
    await scenario(db);
    const report = await verifyDatabase(db);
    expect(report.chainBreak).toBeNull();
    expect(report.recordBreaks).toEqual([]);
    expect(report.signedRecords).toBe(1);
    expect(report.events).toBeGreaterThan(20);
  });

  it("refuses to update or delete an event through SQL", async () => {
    const db = testDb({ seeded: true });
    await scenario(db);
    await expect(
      rawExec(db, `UPDATE "AuditEvent" SET "action" = 'x' WHERE "seq" = 1`),
    ).rejects.toThrow(/append-only/);
    await expect(rawExec(db, `DELETE FROM "AuditEvent" WHERE "seq" = 1`)).rejects.toThrow(
      /append-only/,
    );
  });

  it("reports a measured value changed directly in SQLite on an accepted lot: item and signature", async () => {
    const db = testDb({ seeded: true });
    const { accepted } = await scenario(db);
    const point = await db.samplePoint.findFirstOrThrow({
      where: { entry: { lotId: accepted.id, item: { code: "SR-M7" } } },
      select: { id: true },
    });
    await rawExec(db, `UPDATE "SamplePoint" SET "value" = 0.98 WHERE "id" = ?`, point.id);
    const report = await verifyDatabase(db);
    expect(report.chainBreak).toBeNull();
    expect(report.recordBreaks).toMatchObject([
      {
        label: { code: "audit:verify.label.lot", params: { number: accepted.number } },
        code: "audit:verify.lot.entryChanged",
        params: { item: "SR-M7" },
      },
      { code: "audit:verify.lot.hashMismatch" },
    ]);
    // The command-line tools word them in Chinese, the page in the reader's language.
    expect(report.recordBreaks.map(zhBreakLine)).toEqual([
      expect.stringMatching(
        new RegExp(`^检验批 ${accepted.number}: 检查项目 SR-M7 的记录与最后一次保存的不一致`),
      ),
      expect.stringMatching(new RegExp(`^检验批 ${accepted.number}: 签认内容哈希不符`)),
    ]);
    expect(wordBreak(fixedT("en"), report.recordBreaks[0]!)).toEqual({
      label: `Inspection lot ${accepted.number}`,
      message:
        "The record of check item SR-M7 differs from its last saved version: results or measured values were changed directly",
    });
  });

  it("reports a lot's status changed directly", async () => {
    const db = testDb({ seeded: true });
    const { draft } = await scenario(db);
    await rawExec(db, `UPDATE "InspectionLot" SET "status" = 'accepted' WHERE "id" = ?`, draft.id);
    const report = await verifyDatabase(db);
    expect(report.recordBreaks.map((b) => zhBreak(b).message)).toContain(
      "状态为“accepted”，但操作记录中最后的状态是“draft”：状态被直接修改",
    );
  });

  it("reports exactly the event whose content was edited, and a deleted event as a gap", async () => {
    const db = testDb({ seeded: true });
    await scenario(db);
    await rawExec(db, `DROP TRIGGER "AuditEvent_no_update"`);
    await rawExec(
      db,
      `UPDATE "AuditEvent" SET "payload" = replace("payload", 'pass', 'fail') WHERE "seq" = 5`,
    );
    const edited = await verifyDatabase(db);
    expect(edited.chainBreak).toMatchObject({ seq: 5, kind: "content" });
    expect(zhMessage(edited.chainBreak!)).toMatch(
      /^第 5 条操作记录（lot.entry.save InspectionLot .+）的内容在写入后被修改$/,
    );

    const other = testDb({ seeded: true });
    await scenario(other);
    await rawExec(other, `DROP TRIGGER "AuditEvent_no_delete"`);
    await rawExec(other, `DELETE FROM "AuditEvent" WHERE "seq" = 7`);
    const gap = await verifyDatabase(other);
    expect(gap.chainBreak).toMatchObject({ seq: 7, kind: "gap" });
  });

  it("many concurrent writes keep one unbroken chain", async () => {
    const db = testDb({ seeded: true });
    const { draft } = await scenario(db);
    const { contractor } = await users(db);
    const items = (await getLot(db, draft.id, contractor, "own"))!.items;
    const before = await db.auditEvent.count();
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        saveEntry(db, contractor, "own", draft.id, {
          itemId: items[i % items.length]!.itemId,
          result: "pass",
          note: `第 ${i} 次`,
          designValue: null,
          points: [],
        }),
      ),
    );
    expect(await db.auditEvent.count()).toBe(before + 60);
    const report = await verifyDatabase(db);
    expect(report.chainBreak).toBeNull();
    expect(report.recordBreaks).toEqual([]);
  });

  it("reports a photo original whose bytes were changed on disk, and a missing one", async () => {
    const db = testDb({ seeded: true });
    const { draft } = await scenario(db);
    const { contractor } = await users(db);
    const storage = new LocalPhotoStorage(path.join(TMP_DIR, `audit-photos-${Date.now()}`));
    const { photo } = await attachLotPhoto(
      db,
      storage,
      contractor,
      "own",
      { lotId: draft.id, itemId: null },
      {
        bytes: await cameraJpeg({}),
        name: "site.jpg",
      },
    );
    expect((await verifyDatabase(db, storage)).recordBreaks).toEqual([]);

    const file = path.join(storage.root, photoKey("original", photo.sha256));
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0xff;
    fs.writeFileSync(file, bytes);
    const report = await verifyDatabase(db, storage);
    expect(report.recordBreaks).toHaveLength(1);
    expect(report.recordBreaks[0]).toMatchObject({ entityType: "Photo", entityId: photo.id });
    expect(report.recordBreaks[0]).toMatchObject({ code: "audit:verify.photo.altered" });
    expect(zhBreak(report.recordBreaks[0]!).message).toMatch(/^原图内容被修改/);

    fs.rmSync(file);
    const missing = (await verifyDatabase(db, storage)).recordBreaks[0]!;
    expect(zhBreak(missing).message).toBe("原图文件缺失");
  });

  it("an exported chain verifies offline, and an edited line is found", async () => {
    const db = testDb({ seeded: true });
    await scenario(db);
    const lines: string[] = [];
    for await (const line of exportChain(db)) lines.push(line);
    const parse = (text: string[]) => text.map((l) => JSON.parse(l) as StoredEvent);
    expect(verifyChain(parse(lines), sha256Hex).firstBreak).toBeNull();
    const tampered = [...lines];
    tampered[2] = tampered[2]!.replace('"actorId":"', '"actorId":"x');
    expect(verifyChain(parse(tampered), sha256Hex).firstBreak).toMatchObject({
      seq: 3,
      kind: "content",
    });
  });
});
