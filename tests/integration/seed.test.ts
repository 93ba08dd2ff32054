import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { importChecklistData } from "~/modules/checklist/import.server";
import { getWorkTypeChecklist, listWorkTypes } from "~/modules/checklist/queries.server";
import { readChecklistData, readWorkTypePlaces } from "../../prisma/seed/demo";
import { testDb } from "../support/test-db";

const raw = JSON.parse(fs.readFileSync("prisma/data/checklists.json", "utf8")) as {
  workTypes: {
    code: string;
    items: {
      id: string;
      kind: string;
      numeric: { min: number | null; max: number | null } | null;
    }[];
  }[];
};

describe("demo seed", () => {
  const db = testDb({ seeded: true });

  it("loads all twelve work types, each with version 1 holding every item of the data file", async () => {
    const workTypes = await listWorkTypes(db);
    expect(workTypes.map((w) => w.code)).toEqual(raw.workTypes.map((w) => w.code));
    expect(workTypes).toHaveLength(12);
    for (const wt of raw.workTypes) {
      const loaded = workTypes.find((w) => w.code === wt.code);
      expect(loaded?.currentVersion).toBe(1);
      expect(loaded?.mainCount).toBe(wt.items.filter((i) => i.kind === "main").length);
      expect(loaded?.generalCount).toBe(wt.items.filter((i) => i.kind === "general").length);
    }
    expect(await db.checklistItem.count()).toBe(167);
  });

  it("keeps each item's numeric limits as in the data file", async () => {
    const railing = await getWorkTypeChecklist(db, "stair-railing");
    const m7 = railing?.template.items.find((i) => i.code === "SR-M7");
    expect(m7).toMatchObject({
      kind: "main",
      numericMin: 1.05,
      numericMax: null,
      numericUnit: "m",
    });
    for (const wt of raw.workTypes) {
      const checklist = await getWorkTypeChecklist(db, wt.code);
      const byCode = new Map(checklist?.template.items.map((i) => [i.code, i]));
      for (const item of wt.items) {
        expect(byCode.get(item.id)?.numericMin ?? null).toBe(item.numeric?.min ?? null);
        expect(byCode.get(item.id)?.numericMax ?? null).toBe(item.numeric?.max ?? null);
      }
    }
  });

  it("seeds the county's programme: two compounds, 1,180 households, four phases", async () => {
    const project = await db.project.findFirstOrThrow({
      select: {
        budgetYuan: true,
        households: true,
        phases: { orderBy: { seq: "asc" }, select: { name: true } },
      },
    });
    expect(project.budgetYuan).toBe(54_100_000);
    expect(project.households).toBe(1180);
    expect(project.phases.map((p) => p.name)).toEqual([
      "调查摸底·规划设计",
      "组织实施",
      "竣工验收",
      "长效管理",
    ]);
    const compounds = await db.compound.findMany({
      select: { name: true, households: true },
      orderBy: { code: "asc" },
    });
    expect(compounds.map((c) => c.name).sort()).toEqual(
      ["县武装部老旧小区", "县农行老旧小区"].sort(),
    );
    expect(compounds.reduce((s, c) => s + c.households, 0)).toBe(1180);
  });

  it("gives every work type a place to be inspected in each compound", async () => {
    const places = readWorkTypePlaces();
    for (const compound of await db.compound.findMany({
      select: { id: true, zones: { select: { kind: true } } },
    })) {
      for (const [code, place] of Object.entries(places)) {
        if (place.placeKind !== "zone") continue;
        const found = compound.zones.some((z) => place.zoneKinds.includes(z.kind));
        expect(found, `${code} has a zone`).toBe(true);
      }
    }
  });

  it("re-importing the data file adds no version and keeps existing ones", async () => {
    const result = await importChecklistData(db, readChecklistData(), readWorkTypePlaces());
    expect(result).toEqual({ workTypes: 12, templatesCreated: 0 });
    expect(await db.checklistTemplate.count()).toBe(12);
  });
});
