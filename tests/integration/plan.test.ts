import { describe, expect, it } from "vitest";
import { DomainError } from "~/infra/domain-error";
import { verifyDatabase } from "~/modules/audit/verify.server";
import { fixedT } from "~/modules/i18n/i18n.server";
import { createLot } from "~/modules/lot/create.server";
import { transitionLot } from "~/modules/lot/lots.server";
import { planCoverage } from "~/modules/plan/plan";
import {
  addablePlaces,
  addPlannedLot,
  approvePlan,
  coverageByCompound,
  generateCompoundPlan,
  planOverview,
  removePlannedLot,
} from "~/modules/plan/plan.server";
import { fillPassing } from "../../prisma/seed/activity";
import { concealedRecordAt } from "../../prisma/seed/demo-concealed";
import { concealedStorage } from "../support/concealed";
import { testDb } from "../support/test-db";

describe("inspection plan of a compound (GB 50300-2013 §4.0.7)", () => {
  const db = testDb({ seeded: true });

  async function people() {
    const rows = await db.user.findMany({
      select: { id: true, username: true, role: true, title: true, organizationId: true },
    });
    const u = (name: string) => {
      const found = rows.find((r) => r.username === name)!;
      return { ...found, role: found.role as "supervisor" };
    };
    return { chief: u("zongjian"), engineer: u("jianli"), contractor: u("shigong1") };
  }
  const nh = () => db.compound.findUniqueOrThrow({ where: { code: "NH" }, select: { id: true } });
  const coverageOf = async (name: string) =>
    (await planOverview(db, (await nh()).id))!.coverage.find((s) => s.name === name)!;

  it("is drafted from the register: every 单元 of the compound for each stairwell 分项", async () => {
    const { engineer, contractor } = await people();
    const { id } = await nh();
    await expect(generateCompoundPlan(db, contractor, id)).rejects.toMatchObject({ status: 403 });
    await generateCompoundPlan(db, engineer, id);
    const overview = (await planOverview(db, id))!;
    expect(overview.plan.status).toBe("draft");
    // 县农行老旧小区: 14 buildings, 51 单元
    const conduits = overview.coverage.find((s) => s.name === "导管敷设")!;
    expect(conduits).toMatchObject({ division: "建筑电气", subDivision: "电气照明", planned: 51 });
    // two road sections, one asphalt and one concrete (CJJ 1-2008 面层 by material)
    expect(overview.coverage.find((s) => s.name === "土方路基")!.planned).toBe(2);
    expect(overview.coverage.find((s) => s.name === "热拌沥青混合料面层")!.planned).toBe(1);
    expect(overview.coverage.find((s) => s.name === "水泥混凝土面层")!.planned).toBe(1);
    // two pipe runs and the septic tank in 排水管沟与井池
    expect(overview.coverage.find((s) => s.name === "排水管沟与井池")!.planned).toBe(3);
    await expect(generateCompoundPlan(db, engineer, id)).rejects.toMatchObject({ status: 409 });
  });

  it("is approved by the 总监理工程师 only, with its audit event", async () => {
    const { chief, engineer } = await people();
    const { id } = await nh();
    await expect(approvePlan(db, engineer, id)).rejects.toMatchObject({ status: 403 });
    await approvePlan(db, chief, id);
    const plan = (await planOverview(db, id))!.plan;
    expect(plan.status).toBe("approved");
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: plan.id, action: "plan.approve" },
      select: { actorId: true },
    });
    expect(event.actorId).toBe(chief.id);
    await expect(approvePlan(db, chief, id)).rejects.toMatchObject({ status: 409 });
  });

  it("adjusting an approved plan returns it to draft; removed places can be added back", async () => {
    const { chief } = await people();
    const { id } = await nh();
    const before = await coverageOf("护栏和扶手制作与安装");
    const victim = before.places[0]!;
    await expect(removePlannedLot(db, chief, id, victim.id, " ")).rejects.toMatchObject({
      code: "plan:errors.reasonRequired",
      status: 400,
    });
    expect(fixedT("zh-CN")("plan:errors.reasonRequired" as never)).toBe("请填写移除原因");
    await removePlannedLot(
      db,
      chief,
      id,
      victim.id,
      "该单元楼梯栏杆已于2019年更换，不在本次改造范围",
    );
    const after = await coverageOf("护栏和扶手制作与安装");
    expect(after.planned).toBe(before.planned - 1);
    const overview = (await planOverview(db, id))!;
    expect(overview.plan.status).toBe("draft");
    const options = (await addablePlaces(db, overview.plan)).get(after.id)!;
    expect(options.map((o) => o.label)).toEqual([victim.placeLabel]);
    await addPlannedLot(db, chief, id, { subItemId: after.id, place: options[0]!.value });
    expect((await coverageOf("护栏和扶手制作与安装")).planned).toBe(before.planned);
    await approvePlan(db, chief, id);
  });

  it("refuses a place of another compound and changes nothing", async () => {
    const { chief } = await people();
    const { id } = await nh();
    const other = await db.stairwell.findFirstOrThrow({
      where: { building: { compound: { code: "WZB" } } },
      select: { id: true },
    });
    const sub = await coverageOf("导管敷设");
    const events = await db.auditEvent.count();
    await expect(
      addPlannedLot(db, chief, id, {
        subItemId: sub.id,
        place: `stairwell-wiring|stairwell|${other.id}`,
      }),
    ).rejects.toBeInstanceOf(DomainError);
    expect((await coverageOf("导管敷设")).planned).toBe(51);
    expect(await db.auditEvent.count()).toBe(events);
    expect((await planOverview(db, id))!.plan.status).toBe("approved");
  });

  it("coverage follows the lots: opened when a lot is at the place, accepted when it is accepted", async () => {
    const { engineer, contractor } = await people();
    const { id } = await nh();
    const place = (await coverageOf("导管敷设")).places.find((p) => p.state === "missing")!;
    expect(place.href).toMatch(/^\/lots\/new\?workType=stairwell-wiring&placeKind=stairwell/);
    const stairwellId = new URL(place.href, "http://x").searchParams.get("placeId")!;
    const before = await coverageOf("导管敷设");
    const lot = await createLot(db, { ...contractor, role: "contractor" }, "own", {
      workTypeCode: "stairwell-wiring",
      place: { kind: "stairwell", id: stairwellId },
    });
    // one lot of the work type records all four 分项 of stairwell wiring at the place
    for (const name of ["导管敷设", "管内穿线和槽盒内敷线"]) {
      const s = await coverageOf(name);
      expect(s.opened).toBe(before.opened + 1);
      expect(s.places.find((p) => p.placeLabel === place.placeLabel)).toMatchObject({
        state: "opened",
        href: `/lots/${lot.id}`,
      });
    }
    await fillPassing(db, { ...contractor, role: "contractor" }, lot.id);
    // GB 50300 §3.0.6-5: the 单元's conduits are signed off before the wiring lot is submitted
    const place_ = { compoundId: id, workTypeCode: "stairwell-wiring", placeKind: "stairwell" };
    await concealedRecordAt(
      db,
      concealedStorage(),
      { ...place_, placeId: stairwellId },
      { sign: true },
    );
    await transitionLot(db, { ...contractor, role: "contractor" }, "own", lot.id, "submit", null);
    await transitionLot(db, engineer, "any", lot.id, "accept", null);
    expect((await coverageOf("导管敷设")).accepted).toBe(before.accepted + 1);
    const summary = (await coverageByCompound(db, [id])).get(id)!;
    const conduits = summary.subItems.find((s) => s.name === "导管敷设")!;
    expect(conduits.missing).toHaveLength(51 - conduits.opened);
    expect(summary.totals.planned).toBeGreaterThan(51);
  });

  it("reads coverage from lots grouped in SQL as from every lot: an accepted lot first, then the lowest number", async () => {
    const { contractor } = await people();
    const { id } = await nh();
    // a second, open lot at a place whose lot is accepted: the place stays accepted
    const acceptedLot = await db.inspectionLot.findFirstOrThrow({
      where: { compoundId: id, status: "accepted", placeKind: "stairwell" },
      select: { stairwellId: true, workType: { select: { code: true } } },
    });
    await createLot(db, { ...contractor, role: "contractor" }, "own", {
      workTypeCode: acceptedLot.workType.code,
      place: { kind: "stairwell", id: acceptedLot.stairwellId! },
    });
    const every = await db.inspectionLot.findMany({
      where: { compoundId: id },
      orderBy: { number: "asc" },
      select: {
        id: true,
        number: true,
        status: true,
        recordsComplete: true,
        placeKind: true,
        stairwellId: true,
        buildingId: true,
        zoneId: true,
        workType: { select: { code: true } },
      },
    });
    const overview = (await planOverview(db, id))!;
    const expected = planCoverage(
      overview.plan.subItems,
      overview.plan.lots,
      every.map((l) => ({
        ...l,
        workTypeCode: l.workType.code,
        placeId:
          l.placeKind === "stairwell"
            ? l.stairwellId
            : l.placeKind === "zone"
              ? l.zoneId
              : l.buildingId,
      })),
    );
    expect(overview.coverage).toEqual(expected);
    const conduits = expected.find((s) => s.name === "导管敷设")!;
    expect(conduits.accepted).toBeGreaterThan(0);
    // the dashboard's summary: counts of every place, the first two missing ones
    const summary = (await coverageByCompound(db, [id], 2)).get(id)!;
    expect(summary.subItems.map((s) => [s.opened, s.accepted, s.missingCount, s.missing])).toEqual(
      expected.map((s) => {
        const missing = s.places.filter((p) => p.state === "missing");
        return [
          s.opened,
          s.accepted,
          missing.length,
          missing.slice(0, 2).map((p) => ({ id: p.id, placeLabel: p.placeLabel, href: p.href })),
        ];
      }),
    );
  });

  it("leaves the audit chain intact", async () => {
    const report = await verifyDatabase(db);
    expect(report.chainBreak).toBeNull();
    expect(report.recordBreaks).toEqual([]);
  });
});
