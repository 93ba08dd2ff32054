import { describe, expect, it } from "vitest";
import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import {
  checklistEditSchema,
  type EditedItem,
  emptyValues,
  type ItemValues,
  valuesFromItem,
} from "~/modules/checklist/edit-schema";
import { getChecklistForEdit, publishChecklistVersion } from "~/modules/checklist/publish.server";
import { getWorkTypeChecklist } from "~/modules/checklist/queries.server";
import { fixedT, serverI18n } from "~/modules/i18n/i18n.server";
import { testDb } from "../support/test-db";

const ChecklistEditSchema = checklistEditSchema(
  serverI18n("zh-CN").getFixedT("zh-CN", "checklist"),
);

/** The current version as the edit form shows it, changed by `edit`, parsed like a posted form. */
async function editedItems(db: Db, code: string, edit: (items: ItemValues[]) => ItemValues[]) {
  const checklist = await getChecklistForEdit(db, code);
  if (!checklist) throw new Error(`no checklist ${code}`);
  const values = edit(checklist.items.map(valuesFromItem));
  const parsed = ChecklistEditSchema.parse({
    basedOnVersion: String(checklist.version),
    changeNote: "测试",
    items: values,
  });
  return { version: checklist.version, items: parsed.items };
}

const withCode = (code: string, change: Partial<ItemValues>) => (items: ItemValues[]) =>
  items.map((i) => (i.code === code ? { ...i, ...change } : i));

/** Every column of every item of a version, exactly as stored. */
async function versionRows(db: Db, workTypeCode: string, version: number) {
  const template = await db.checklistTemplate.findFirstOrThrow({
    where: { workType: { code: workTypeCode }, version },
    include: { items: { orderBy: { seq: "asc" } } },
  });
  return template;
}

async function counts(db: Db) {
  return {
    templates: await db.checklistTemplate.count(),
    items: await db.checklistItem.count(),
    events: await db.auditEvent.count(),
  };
}

async function expectRefusal(promise: Promise<unknown>, message: string, status: number) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).text(fixedT("zh-CN"))).toBe(message);
  expect((error as DomainError).status).toBe(status);
}

describe("publishing a checklist version", () => {
  const db = testDb({ seeded: true });
  const admin = () => db.user.findUniqueOrThrow({ where: { username: "admin" } });

  it("publishes v2 with one tolerance changed, leaving v1 exactly as it was", async () => {
    const actor = await admin();
    const v1Before = await versionRows(db, "stair-railing", 1);
    const before = await counts(db);
    const { items } = await editedItems(
      db,
      "stair-railing",
      withCode("SR-M5", { tolerance: "≥0.92 m", numericMin: "0.92" }),
    );

    const result = await publishChecklistVersion(db, {
      workTypeCode: "stair-railing",
      basedOnVersion: 1,
      actorId: actor.id,
      changeNote: "  扶手高度下限按设计调整为0.92m  ",
      items,
    });

    expect(result).toMatchObject({
      version: 2,
      added: [],
      removed: [],
      changed: ["SR-M5"],
      reordered: false,
    });
    expect(await versionRows(db, "stair-railing", 1)).toEqual(v1Before);

    const v2 = await versionRows(db, "stair-railing", 2);
    expect(v2).toMatchObject({
      changeNote: "扶手高度下限按设计调整为0.92m",
      publishedById: actor.id,
    });
    expect(v2.items).toHaveLength(v1Before.items.length);
    const strip = ({ id: _id, templateId: _t, ...rest }: (typeof v2.items)[number]) => rest;
    for (const [index, item] of v2.items.entries()) {
      const old = v1Before.items[index]!;
      expect(item.id).not.toBe(old.id);
      if (item.code === "SR-M5") {
        // The judge spec keeps its clause and sample rule and takes the edited limit.
        const judge = JSON.parse(old.judge!);
        judge.limits[0].min = 0.92;
        expect(strip(item)).toEqual({
          ...strip(old),
          tolerance: "≥0.92 m",
          numericMin: 0.92,
          judge: JSON.stringify(judge),
        });
      } else {
        expect(strip(item)).toEqual(strip(old));
      }
    }
    expect(await counts(db)).toEqual({
      templates: before.templates + 1,
      items: before.items + v1Before.items.length,
      events: before.events + 1,
    });

    const current = await getWorkTypeChecklist(db, "stair-railing");
    expect(current?.template.version).toBe(2);
    expect(current?.versions.map((v) => v.version)).toEqual([2, 1]);
    const old = await getWorkTypeChecklist(db, "stair-railing", 1);
    expect(old?.isCurrent).toBe(false);
    expect(old?.template.items.find((i) => i.code === "SR-M5")?.numericMin).toBe(0.9);
  });

  it("writes the audit event in the chain", async () => {
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "checklist.publish" },
      orderBy: { seq: "desc" },
    });
    const v2 = await versionRows(db, "stair-railing", 2);
    expect(event).toMatchObject({
      entityType: "ChecklistTemplate",
      entityId: v2.id,
      actorId: (await admin()).id,
    });
    expect(JSON.parse(event.payload)).toEqual({
      workTypeCode: "stair-railing",
      version: 2,
      basedOnVersion: 1,
      changeNote: "扶手高度下限按设计调整为0.92m",
      added: [],
      removed: [],
      changed: ["SR-M5"],
      reordered: false,
    });
    const previous = await db.auditEvent.findUnique({ where: { seq: event.seq - 1 } });
    expect(event.prevHash).toBe(previous?.hash ?? "0".repeat(64));
  });

  it("refuses a stale base version and writes nothing", async () => {
    const actor = await admin();
    const { items } = await editedItems(
      db,
      "stair-railing",
      withCode("SR-M8", { tolerance: "≤100 mm" }),
    );
    const before = await counts(db);
    await expectRefusal(
      publishChecklistVersion(db, {
        workTypeCode: "stair-railing",
        basedOnVersion: 1,
        actorId: actor.id,
        changeNote: "基于旧版本的修改",
        items,
      }),
      "检查表已有更新的版本（第 2 版），请在最新版本上修改",
      409,
    );
    expect(await counts(db)).toEqual(before);
  });

  it("refuses to publish when nothing changed", async () => {
    const actor = await admin();
    const { version, items } = await editedItems(db, "stair-railing", (i) => i);
    const before = await counts(db);
    await expectRefusal(
      publishChecklistVersion(db, {
        workTypeCode: "stair-railing",
        basedOnVersion: version,
        actorId: actor.id,
        changeNote: "没有修改",
        items,
      }),
      "内容没有变化，未发布新版本",
      400,
    );
    expect(await counts(db)).toEqual(before);
  });

  it("round-trips every seeded checklist through the form without a change", async () => {
    const actor = await admin();
    for (const wt of await db.workType.findMany({ select: { code: true } })) {
      const { version, items } = await editedItems(db, wt.code, (i) => i);
      await expectRefusal(
        publishChecklistVersion(db, {
          workTypeCode: wt.code,
          basedOnVersion: version,
          actorId: actor.id,
          changeNote: "没有修改",
          items,
        }),
        "内容没有变化，未发布新版本",
        400,
      );
    }
  });

  it("adds items with the next free codes, removes and reorders items, never reusing a code", async () => {
    const actor = await admin();
    const newItem = (kind: string, textZh: string): ItemValues =>
      emptyValues({
        kind,
        textZh,
        method: "observe",
        samplePlan: "全数检查",
        source: "GB 50210-2018 14.5.6",
      });
    const { items } = await editedItems(db, "parking-lot", (all) => {
      const [first, second, ...rest] = all.filter((i) => i.code !== "PK-G6");
      return [
        second!,
        first!,
        ...rest,
        newItem("main", "新增主控项目"),
        newItem("general", "新增一般项目"),
      ];
    });
    const v2 = await publishChecklistVersion(db, {
      workTypeCode: "parking-lot",
      basedOnVersion: 1,
      actorId: actor.id,
      changeNote: "增删检查项目",
      items,
    });
    expect(v2).toMatchObject({
      version: 2,
      added: ["PK-M4", "PK-G7"],
      removed: ["PK-G6"],
      changed: [],
      reordered: true,
    });
    const rows = await versionRows(db, "parking-lot", 2);
    expect(rows.items.map((i) => [i.seq, i.code])).toEqual([
      [1, "PK-M2"],
      [2, "PK-M1"],
      [3, "PK-M3"],
      [4, "PK-M4"],
      [5, "PK-G1"],
      [6, "PK-G2"],
      [7, "PK-G3"],
      [8, "PK-G4"],
      [9, "PK-G5"],
      [10, "PK-G7"],
    ]);
    expect(rows.items.find((i) => i.code === "PK-G7")).toMatchObject({
      kind: "general",
      textZh: "新增一般项目",
      textEn: "新增一般项目",
      verified: false,
      numericUnit: null,
    });

    // PK-G7 removed in v3 and a new general item added: it becomes PK-G8, not PK-G7 or PK-G6 again
    const next = await editedItems(db, "parking-lot", (all) => [
      ...all.filter((i) => i.code !== "PK-G7"),
      newItem("general", "又一个一般项目"),
    ]);
    const v3 = await publishChecklistVersion(db, {
      workTypeCode: "parking-lot",
      basedOnVersion: 2,
      actorId: actor.id,
      changeNote: "再次修改",
      items: next.items,
    });
    expect(v3).toMatchObject({ version: 3, added: ["PK-G8"], removed: ["PK-G7"] });
  });

  it("carries lookup tables over to the new version", async () => {
    const actor = await admin();
    const v1 = await versionRows(db, "rain-sewer-network", 1);
    const withTables = v1.items.filter((i) => i.lookupTable !== null);
    expect(withTables.length).toBeGreaterThan(0);
    const { items } = await editedItems(
      db,
      "rain-sewer-network",
      withCode(withTables[0]!.code, { samplePlan: "全数检查（修改）" }),
    );
    await publishChecklistVersion(db, {
      workTypeCode: "rain-sewer-network",
      basedOnVersion: 1,
      actorId: actor.id,
      changeNote: "修改检查数量",
      items,
    });
    const v2 = await versionRows(db, "rain-sewer-network", 2);
    for (const old of withTables) {
      expect(v2.items.find((i) => i.code === old.code)?.lookupTable).toBe(old.lookupTable);
    }
  });

  it("refuses codes that are not in the base version, and unknown work types", async () => {
    const actor = await admin();
    const { items } = await editedItems(db, "septic-tank", (i) => i);
    const forged: EditedItem[] = [...items, { ...items[0]!, code: "ST-M99" }];
    const before = await counts(db);
    await expectRefusal(
      publishChecklistVersion(db, {
        workTypeCode: "septic-tank",
        basedOnVersion: 1,
        actorId: actor.id,
        changeNote: "伪造编号",
        items: forged,
      }),
      "检查项目 ST-M99 不在第 1 版中，请重新打开编辑页面",
      400,
    );
    await expectRefusal(
      publishChecklistVersion(db, {
        workTypeCode: "no-such-type",
        basedOnVersion: 1,
        actorId: actor.id,
        changeNote: "x",
        items,
      }),
      "工程类别不存在",
      404,
    );
    expect(await counts(db)).toEqual(before);
  });
});
