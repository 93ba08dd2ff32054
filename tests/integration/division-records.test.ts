import { describe, expect, it } from "vitest";
import { acceptanceOverview, openAcceptance } from "~/modules/acceptance/acceptance.server";
import { blockerText } from "~/modules/acceptance/words";
import {
  rateAppearance,
  recordDivisionSignature,
  recordSubItemSignature,
  signSubItem,
} from "~/modules/division/commands.server";
import { compoundDivisions } from "~/modules/division/records.server";
import { divisionSummaries } from "~/modules/division/summary.server";
import { fixedT } from "~/modules/i18n/i18n.server";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-data";
import {
  contractorTechLead,
  drawnSignature,
  recordDivisions,
} from "../../prisma/seed/demo-division";
import { compoundReadyForAcceptance } from "../support/acceptance-fixture";
import { testDb } from "../support/test-db";

/**
 * 分项 (GB 50300-2013 §5.0.2, 附录F) and 分部 (§5.0.3, 附录G) records against a real database,
 * and the 竣工验收 prerequisite they feed (§5.0.4-1: every 分部 of the 单位工程 accepted).
 */
describe("sub-item and division records", () => {
  const db = testDb({ seeded: true });
  const user = async (username: string) =>
    db.user.findUniqueOrThrow({
      where: { username },
      select: { id: true, role: true, title: true, organizationId: true },
    });
  const reasons = () => "";

  it("refuses to sign a 分项 whose lots are not all accepted (§5.0.2) and stores nothing", async () => {
    const fx = await compoundReadyForAcceptance(db, { code: "DV1" });
    const open = (await compoundDivisions(db, fx.compoundId))
      .flatMap((d) => d.subItems)
      .find((s) => !s.ready)!;
    expect(open.places.some((p) => p.lot?.status !== "accepted")).toBe(true);
    const image = await drawnSignature();
    await expect(
      signSubItem(db, await user("jianli"), fx.compoundId, open.id, {
        conclusion: "同意",
        image,
        password: DEMO_PASSWORD,
        confirmed: true,
      }),
    ).rejects.toMatchObject({ status: 409, code: "division:errors.lotsOpen" });
    expect(await db.divisionSignature.count({ where: { compoundId: fx.compoundId } })).toBe(0);
  });

  it("a wrong password or a person without the seat signs nothing; both seats make it 合格", async () => {
    const fx = await compoundReadyForAcceptance(db, {
      code: "DV2",
      acceptLast: true,
      divisions: false,
    });
    const s = (await compoundDivisions(db, fx.compoundId))[0]!.subItems[0]!;
    expect(s.ready).toBe(true);
    const image = await drawnSignature();
    const input = { conclusion: "同意验收", image, password: "wrong", confirmed: true };
    await expect(
      signSubItem(db, await user("jianli"), fx.compoundId, s.id, input),
    ).rejects.toMatchObject({ status: 400, field: "password" });
    // 项目专业质量检查员 holds no 附录F seat (the 项目专业技术负责人 does)
    await expect(
      signSubItem(db, await user("shigong1"), fx.compoundId, s.id, {
        ...input,
        password: DEMO_PASSWORD,
      }),
    ).rejects.toMatchObject({ status: 403, code: "division:errors.noSeat" });
    // another contractor's technical lead may not sign this contractor's record
    const other = await contractorTechLead(db, (await user("shigong2")).organizationId);
    await expect(
      recordSubItemSignature(db, other, fx.compoundId, s.id, { conclusion: "同意", image }),
    ).rejects.toMatchObject({ status: 403, code: "division:errors.notOwnWork" });
    expect(await db.divisionSignature.count({ where: { compoundId: fx.compoundId } })).toBe(0);

    await signSubItem(db, await user("jianli"), fx.compoundId, s.id, {
      ...input,
      password: DEMO_PASSWORD,
    });
    let again = (await compoundDivisions(db, fx.compoundId))[0]!.subItems[0]!;
    expect(again.passed).toBe(false); // one seat of two
    const tech = await contractorTechLead(db, (await user("shigong1")).organizationId);
    await recordSubItemSignature(db, tech, fx.compoundId, s.id, { conclusion: "同意", image });
    again = (await compoundDivisions(db, fx.compoundId))[0]!.subItems[0]!;
    expect(again.passed).toBe(true);
    expect(again.signedAt).toBeInstanceOf(Date);
    // immutable: the seat cannot sign twice, the row cannot be changed
    await expect(
      recordSubItemSignature(db, tech, fx.compoundId, s.id, { conclusion: "改", image }),
    ).rejects.toMatchObject({ status: 409 });
    // the database refuses a change (trigger): the signed conclusion stays
    await expect(
      db.divisionSignature.updateMany({
        where: { compoundId: fx.compoundId },
        data: { conclusion: "x" },
      }),
    ).rejects.toThrow();
    expect(
      await db.divisionSignature.count({ where: { compoundId: fx.compoundId, conclusion: "x" } }),
    ).toBe(0);
    const events = await db.auditEvent.count({ where: { action: "division.subitem.sign" } });
    expect(events).toBeGreaterThanOrEqual(2);
  });

  it("a 分部 with a point rated 差 cannot be signed until it is reworked and re-rated (§5.0.3-4)", async () => {
    const fx = await compoundReadyForAcceptance(db, {
      code: "DV3",
      acceptLast: true,
      divisions: false,
    });
    const [first] = await compoundDivisions(db, fx.compoundId);
    const division = first!.division;
    // sign the 分项 only (no 观感 yet)
    const tech = await contractorTechLead(db, (await user("shigong1")).organizationId);
    const image = await drawnSignature();
    for (const s of first!.subItems) {
      await recordSubItemSignature(db, tech, fx.compoundId, s.id, { conclusion: "同意", image });
      await recordSubItemSignature(db, await user("jianli"), fx.compoundId, s.id, {
        conclusion: "同意",
        image,
      });
    }
    const chief = await user("zongjian");
    // only the 总监 rates
    await expect(
      rateAppearance(db, await user("jianli"), fx.compoundId, division, {
        points: {},
        conclusion: "good",
      }),
    ).rejects.toMatchObject({ status: 403 });
    const points = Object.fromEntries(first!.points.map((p) => [p.code, "good"]));
    const poorPoint = first!.points[0]!.code;
    await rateAppearance(db, chief, fx.compoundId, division, {
      points: { ...points, [poorPoint]: "poor" },
      conclusion: "fair",
    });
    let d = (await compoundDivisions(db, fx.compoundId)).find((x) => x.division === division)!;
    expect(d.readiness).toEqual([
      expect.objectContaining({ code: "appearancePoor", params: { point: poorPoint } }),
    ]);
    const lead = await user("xmjl1");
    const sign = { conclusion: "同意验收", image };
    await expect(
      recordDivisionSignature(db, lead, fx.compoundId, division, sign, reasons),
    ).rejects.toMatchObject({ status: 409, code: "division:errors.notReady" });
    // reworked: re-rated 一般; the 差 stays on record
    await rateAppearance(db, chief, fx.compoundId, division, {
      points: { ...points, [poorPoint]: "fair" },
      conclusion: "good",
    });
    d = (await compoundDivisions(db, fx.compoundId)).find((x) => x.division === division)!;
    expect(d.readiness).toEqual([]);
    expect(d.appearance.points[0]).toMatchObject({ rating: "fair", reworked: true });
    await recordDivisionSignature(db, lead, fx.compoundId, division, sign, reasons);
    expect(
      (await divisionSummaries(db, fx.compoundId)).find((x) => x.division === division),
    ).toMatchObject({ passed: false, gaps: [expect.objectContaining({ code: "unsigned" })] });
    await recordDivisionSignature(db, chief, fx.compoundId, division, sign, reasons);
    const summary = (await divisionSummaries(db, fx.compoundId)).find(
      (x) => x.division === division,
    )!;
    expect(summary).toMatchObject({ passed: true, gaps: [], appearance: { conclusion: "good" } });
    // closed: no re-rating once signed
    await expect(
      rateAppearance(db, chief, fx.compoundId, division, { points, conclusion: "fair" }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it("blocks 合格 竣工验收 while a 分部 record is incomplete although every planned lot is accepted, linking to it", async () => {
    const fx = await compoundReadyForAcceptance(db, {
      code: "DV4",
      acceptLast: true,
      divisions: false,
    });
    const overview = (await acceptanceOverview(db, fx.compoundId))!;
    expect(overview.prerequisites.find((p) => p.key === "planLots")).toMatchObject({ ok: true });
    const divisions = overview.prerequisites.find((p) => p.key === "divisions")!;
    expect(divisions.ok).toBe(false);
    const names = (await compoundDivisions(db, fx.compoundId)).map((d) => d.division);
    expect(names).toEqual(["建筑电气", "建筑装饰装修"]);
    expect(divisions.blockers.map((b) => b.href)).toEqual(
      names.map((n) => `/compounds/${fx.compoundId}/divisions/${encodeURIComponent(n)}`),
    );
    expect(blockerText(fixedT("zh-CN"), divisions.blockers[0]!)).toBe(
      "分部工程“建筑电气”验收记录未完成",
    );
    const signatories = Object.fromEntries(
      overview.seats.map((s) => [s.seq, s.people[0]?.id ?? ""]),
    );
    const organiser = await user("xiangmu");
    await expect(
      openAcceptance(db, { ...organiser, role: "bureau" }, fx.compoundId, {
        conclusion: "pass",
        remarks: "",
        signatories,
      }),
    ).rejects.toMatchObject({ status: 409, code: "acceptance:errors.prerequisitesUnmet" });
    // one 分部 recorded in full: the other still blocks, by name
    await recordDivisions(db, fx.compoundId, { divisions: ["建筑电气"] });
    const records = await compoundDivisions(db, fx.compoundId);
    expect(records[0]!.subItems.every((s) => s.passed)).toBe(true);
    expect(records[0]!.appearance.conclusion).toBe("good");
    const after = (await acceptanceOverview(db, fx.compoundId))!.prerequisites.find(
      (p) => p.key === "divisions",
    )!;
    expect(after.blockers.map((b) => b.params.division)).toEqual(
      records.filter((d) => !d.passed).map((d) => d.division),
    );
    expect(after.blockers.map((b) => b.params.division)).toContain("建筑装饰装修");
  });
});
