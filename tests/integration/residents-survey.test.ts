import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { scopeFor } from "~/modules/auth/permissions";
import { visibleCompound } from "~/modules/residents/access.server";
import { residentsTFor } from "~/modules/residents/i18n.server";
import {
  compoundSurveySummary,
  importSurvey,
  surveyRegister,
} from "~/modules/residents/survey.server";
import { surveyXlsx } from "~/modules/residents/survey-sheet.server";
import { buildActor, buildCompound } from "../support/builders";
import { compoundByCode, demoUser, surveyWorkbook } from "../support/residents";
import { testDb } from "../support/test-db";

const zh = residentsTFor("zh-CN").t;
const en = residentsTFor("en").t;

describe("survey ledger (调查摸底)", () => {
  const db = testDb({ seeded: true });

  it("imports nothing while one row is bad, reports that row, then imports all once fixed", async () => {
    const anhua = await demoUser(db, "anhua");
    const nh = await compoundByCode(db, "NH");
    const before = await db.household.count({ where: { compoundId: nh.id } });
    const good = [
      "3栋",
      "1单元",
      "101",
      "杨正华",
      "13908560001",
      "自住",
      3,
      1,
      0,
      "楼道灯不亮、停车难",
      "同意",
      "",
    ];
    const bad = ["3栋", "9单元", "102", "田秀", "12345", "自住", 2, 0, 0, "", "同意", ""];
    const result = await importSurvey(db, anhua, nh.id, await surveyWorkbook([good, bad]), zh);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // Row 3 of the sheet (header on row 1): no such 单元 in the compound.
    expect(result.errors).toEqual([{ line: 3, message: "本小区没有“3栋9单元”" }]);
    expect(await db.household.count({ where: { compoundId: nh.id } })).toBe(before);

    const fixed = [
      "3栋",
      "2单元",
      "102",
      "田秀",
      "13908560002",
      "出租",
      2,
      0,
      1,
      "楼梯栏杆扶手松动",
      "未表态",
      "",
    ];
    const ok = await importSurvey(db, anhua, nh.id, await surveyWorkbook([good, fixed]), zh);
    expect(ok).toEqual({ ok: true, imported: 2 });
    expect(await db.household.count({ where: { compoundId: nh.id } })).toBe(before + 2);
    const summary = await compoundSurveySummary(db, nh.id);
    const lights = summary.needs.find((n) => n.code === "lights");
    expect(lights?.places).toContainEqual({ place: "3栋1单元", households: 1 });

    // The same households again: refused row by row, nothing doubled.
    const again = await importSurvey(db, anhua, nh.id, await surveyWorkbook([good]), zh);
    expect(again).toEqual({ ok: false, errors: [{ line: 2, message: "101 室已在台账中登记" }] });
  });

  it("shows names and phones to the community only; the property company sees the ledger without them", async () => {
    const nh = await compoundByCode(db, "NH");
    const withNames = await surveyRegister(db, nh.id, 1, true);
    expect(withNames.rows.some((r) => r.headName === "刘桂芳")).toBe(true);
    expect(scopeFor("property", "survey.personal")).toBeNull();
    const without = await surveyRegister(db, nh.id, 1, false);
    expect(JSON.stringify(without)).not.toContain("刘桂芳");
    expect(JSON.stringify(without)).not.toContain("13908561234");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await surveyXlsx(db, nh, false, zh)) as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0]?.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain("101");
    expect(cells).not.toContain("刘桂芳");
    expect(cells).not.toContain("13908561234");
  });

  it("finds nothing of another street's compound by a guessed id", async () => {
    // Rows of its own (builders), not the demo streets: two street offices, one compound each.
    const mine = await buildActor(db, "street");
    const other = await buildActor(db, "street");
    const own = await buildCompound(db, { streetOfficeOrgId: mine.organizationId });
    const theirs = await buildCompound(db, { streetOfficeOrgId: other.organizationId });
    const scope = scopeFor("street", "survey.view");
    expect(await visibleCompound(db, mine, scope, theirs.id)).toBeNull();
    expect((await visibleCompound(db, mine, scope, own.id))?.code).toBe(own.code);
    // A building leader sees only the compounds its group is a party of.
    const leader = await buildActor(db, "building_leader");
    await db.compoundParty.create({
      data: { compoundId: own.id, organizationId: leader.organizationId, kind: "residents" },
    });
    const leaderScope = scopeFor("building_leader", "warranty.view");
    expect(await visibleCompound(db, leader, leaderScope, theirs.id)).toBeNull();
    expect(await visibleCompound(db, leader, leaderScope, own.id)).not.toBeNull();
  });

  it("reads a ledger exported in English like a Chinese one, and answers in the reader's language", async () => {
    const anhua = await demoUser(db, "anhua");
    const nh = await compoundByCode(db, "NH");
    const row = (room: string, phone: string) => [
      "3栋",
      "2单元",
      room,
      "王强",
      phone,
      "Let",
      2,
      1,
      0,
      "Stairwell lights out, Too little parking",
      "Undecided",
      "",
    ];
    const bad = await importSurvey(
      db,
      anhua,
      nh.id,
      await surveyWorkbook([row("201", "12")], "en"),
      en,
    );
    expect(bad).toEqual({
      ok: false,
      errors: [
        { line: 2, message: "The telephone must be an 11-digit mobile or a landline number" },
      ],
    });
    const ok = await importSurvey(
      db,
      anhua,
      nh.id,
      await surveyWorkbook([row("201", "13908560003")], "en"),
      en,
    );
    expect(ok).toEqual({ ok: true, imported: 1 });
    const saved = await db.household.findFirstOrThrow({
      where: { compoundId: nh.id, room: "201", headName: "王强" },
      select: { occupancy: true, consent: true, needs: true },
    });
    expect(saved).toEqual({
      occupancy: "tenant",
      consent: "undecided",
      needs: JSON.stringify(["lights", "parking"]),
    });
  });
});
