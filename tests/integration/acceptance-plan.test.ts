import { describe, expect, it } from "vitest";
import { acceptanceOverview, openAcceptance } from "~/modules/acceptance/acceptance.server";
import type { Blocker } from "~/modules/acceptance/prerequisites";
import { blockerText } from "~/modules/acceptance/words";
import { fixedT } from "~/modules/i18n/i18n.server";
import { removePlannedLot } from "~/modules/plan/plan.server";
import { compoundReadyForAcceptance } from "../support/acceptance-fixture";
import { testDb } from "../support/test-db";

/**
 * 竣工验收 against the 检验批划分方案: GB 50300-2013 §4.0.7 (plan approved by the supervisor),
 * §5.0.2 (a 分项 passes when all its lots pass) and §5.0.4 (the 单位工程 when all its 分部 pass).
 * One test per blocker, each with the link where it is fixed.
 */
/** A blocker as the Chinese page words it. */
const worded = (b: Blocker) => blockerText(fixedT("zh-CN"), b);

describe("final acceptance prerequisites from the inspection plan", () => {
  const db = testDb({ seeded: true });
  const user = async (username: string) => {
    const u = await db.user.findUniqueOrThrow({
      where: { username },
      select: { id: true, role: true, title: true, organizationId: true },
    });
    return { ...u, role: u.role as "bureau" };
  };
  const prereq = async (compoundId: string, key: string) =>
    (await acceptanceOverview(db, compoundId))!.prerequisites.find((p) => p.key === key);
  async function openPass(compoundId: string) {
    const overview = (await acceptanceOverview(db, compoundId))!;
    const signatories = Object.fromEntries(
      overview.seats.map((s) => [s.seq, s.people[0]?.id ?? ""]),
    );
    return openAcceptance(db, await user("xiangmu"), compoundId, {
      conclusion: "pass",
      remarks: "",
      signatories,
    });
  }

  it("blocks 合格 while the compound has no plan: 检验批划分方案未批准, linking to the plan page", async () => {
    const fx = await compoundReadyForAcceptance(db, { code: "P1", acceptLast: true, plan: false });
    const plan = await prereq(fx.compoundId, "plan");
    expect(plan).toMatchObject({
      ok: false,
      blockers: [{ code: "planNotApproved", href: `/compounds/${fx.compoundId}/plan` }],
    });
    expect(worded(plan!.blockers[0]!)).toBe("检验批划分方案未批准");
    // today's rule still applies beside it
    expect(await prereq(fx.compoundId, "workTypes")).toMatchObject({ ok: true });
    await expect(openPass(fx.compoundId)).rejects.toMatchObject({ status: 409 });
  });

  it("blocks 合格 while an adjusted plan waits for the 总监's approval again", async () => {
    const fx = await compoundReadyForAcceptance(db, { code: "P2", acceptLast: true });
    expect(await prereq(fx.compoundId, "plan")).toMatchObject({ ok: true });
    const plannedLot = await db.plannedLot.findFirstOrThrow({
      where: { plan: { compoundId: fx.compoundId } },
      select: { id: true },
    });
    await removePlannedLot(
      db,
      await user("zongjian"),
      fx.compoundId,
      plannedLot.id,
      "设计变更取消",
    );
    expect(await prereq(fx.compoundId, "plan")).toMatchObject({ ok: false });
    expect(await prereq(fx.compoundId, "planLots")).toBeUndefined();
    await expect(openPass(fx.compoundId)).rejects.toMatchObject({ status: 409 });
  });

  it("blocks 合格 on a planned place without a lot, linking to where that lot is opened", async () => {
    const fx = await compoundReadyForAcceptance(db, {
      code: "P3",
      acceptLast: true,
      extraStairwells: 1,
    });
    const extra = await db.stairwell.findFirstOrThrow({
      where: { building: { compoundId: fx.compoundId, seq: 2 } },
      select: { id: true },
    });
    const planLots = (await prereq(fx.compoundId, "planLots"))!;
    expect(planLots.ok).toBe(false);
    // one blocker per work type at the 单元, naming the 分项 its lot records
    const wiring = planLots.blockers.find((b) => worded(b).startsWith("2栋1单元 楼道线路"))!;
    expect(worded(wiring)).toContain("导管敷设");
    expect(worded(wiring)).toMatch(/：未开检验批$/);
    expect(wiring.href).toBe(
      `/lots/new?workType=stairwell-wiring&placeKind=stairwell&placeId=${extra.id}`,
    );
    // the old rule (one lot per work type) would have passed this compound
    expect(
      (await acceptanceOverview(db, fx.compoundId))!.prerequisites.map((p) => p.key),
    ).not.toContain("workTypes");
    await expect(openPass(fx.compoundId)).rejects.toMatchObject({ status: 409 });
  });

  it("blocks 合格 on a planned lot opened but not accepted, linking to the lot", async () => {
    const fx = await compoundReadyForAcceptance(db, { code: "P4" });
    const planLots = (await prereq(fx.compoundId, "planLots"))!;
    expect(planLots.ok).toBe(false);
    expect(planLots.blockers).toEqual([
      expect.objectContaining({ href: `/lots/${fx.lastLot.id}` }),
    ]);
    expect(worded(planLots.blockers[0]!)).toMatch(/：检验批未验收$/);
    await expect(openPass(fx.compoundId)).rejects.toMatchObject({ status: 409 });
  });

  it("lets 合格 be opened once every planned lot is accepted under an approved plan", async () => {
    const fx = await compoundReadyForAcceptance(db, { code: "P5", acceptLast: true });
    const list = (await acceptanceOverview(db, fx.compoundId))!.prerequisites;
    expect(list.filter((p) => !p.ok)).toEqual([]);
    const opened = await openPass(fx.compoundId);
    expect(opened).toMatchObject({ id: expect.any(String) });

    // Once 竣工验收 has passed (set here as the last signature would), the plan is closed record.
    await db.finalAcceptance.update({ where: { id: opened.id }, data: { status: "passed" } });
    const plan = await db.inspectionPlan.findUniqueOrThrow({
      where: { compoundId: fx.compoundId },
      select: { lots: { select: { id: true }, take: 1 } },
    });
    await expect(
      removePlannedLot(db, await user("jianli"), fx.compoundId, plan.lots[0]!.id, "已拆除"),
    ).rejects.toMatchObject({ status: 409, code: "plan:errors.sealed" });
    expect(await db.plannedLot.count({ where: { id: plan.lots[0]!.id } })).toBe(1);
  });
});
