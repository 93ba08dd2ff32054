import { describe, expect, it } from "vitest";
import { approvePlan, generateCompoundPlan, planOverview } from "~/modules/plan/plan.server";
import { addSubItem, removeSubItem } from "~/modules/plan/tree.server";
import { testDb } from "../support/test-db";

// GB 50300-2013 §4.0.3/§4.0.4: 分部 by speciality and part, 分项 by trade, material, method or
// equipment; §4.0.7: the division is drafted before work and approved by the supervisor. The
// generated tree is a starting point the supervisor adjusts to the work actually done.
describe("the supervisor edits the 分部 → 子分部 → 分项 tree of a plan", () => {
  const db = testDb({ seeded: true });

  async function setup() {
    const rows = await db.user.findMany({
      select: { id: true, username: true, role: true, title: true, organizationId: true },
    });
    const u = (name: string) => {
      const found = rows.find((r) => r.username === name)!;
      return { ...found, role: found.role as "supervisor" };
    };
    const { id } = await db.compound.findUniqueOrThrow({
      where: { code: "WZB" },
      select: { id: true },
    });
    if (!(await planOverview(db, id))) {
      await generateCompoundPlan(db, u("zongjian"), id);
      await approvePlan(db, u("zongjian"), id);
    }
    return { id, chief: u("zongjian"), engineer: u("jianli"), contractor: u("shigong1") };
  }
  const special = {
    division: "建筑电气",
    subDivision: "电气照明",
    name: "专用灯具安装",
    standard: "GB 50303-2015",
    workTypeCode: "stairwell-sound-light",
  };

  it("adds a 分项 planned at every place of the work type recording it; the plan needs approval again", async () => {
    const { id, engineer, contractor } = await setup();
    const stairwells = await db.stairwell.count({ where: { building: { compoundId: id } } });
    await expect(addSubItem(db, contractor, id, special)).rejects.toMatchObject({ status: 403 });
    await addSubItem(db, engineer, id, special);
    const overview = (await planOverview(db, id))!;
    expect(overview.plan.status).toBe("draft");
    const added = overview.coverage.find((s) => s.name === "专用灯具安装")!;
    expect(added).toMatchObject({ division: "建筑电气", subDivision: "电气照明" });
    expect(added.planned).toBe(stairwells);
    expect(added.places.every((p) => p.workTypeCode === "stairwell-sound-light")).toBe(true);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "plan.subitem.add", entityId: overview.plan.id },
      select: { actorId: true, payload: true },
    });
    expect(event.actorId).toBe(engineer.id);
    expect(JSON.parse(event.payload)).toMatchObject({ name: "专用灯具安装", lots: stairwells });
    // the same 分项 twice is refused without a second row
    await expect(addSubItem(db, engineer, id, special)).rejects.toMatchObject({ status: 409 });
    const again = (await planOverview(db, id))!.coverage.filter((s) => s.name === "专用灯具安装");
    expect(again).toHaveLength(1);
  });

  it("refuses a 分项 without a work type the compound has a place for", async () => {
    const { id, engineer } = await setup();
    const before = (await planOverview(db, id))!.coverage.length;
    await expect(
      addSubItem(db, engineer, id, { ...special, name: "X", workTypeCode: "no-such-type" }),
    ).rejects.toMatchObject({ status: 400, code: "plan:errors.workTypeUnknown" });
    expect((await planOverview(db, id))!.coverage.length).toBe(before);
  });

  it("removes a 分项 with its planned lots, the reason on record; a blank reason changes nothing", async () => {
    const { id, chief, engineer } = await setup();
    await approvePlan(db, chief, id).catch(() => undefined);
    const plan = (await planOverview(db, id))!;
    const trays = plan.coverage.find((s) => s.name === "梯架、托盘和槽盒安装")!;
    expect(trays.planned).toBeGreaterThan(0);
    await expect(removeSubItem(db, engineer, id, trays.id, "  ")).rejects.toMatchObject({
      status: 400,
    });
    expect((await planOverview(db, id))!.coverage.some((s) => s.id === trays.id)).toBe(true);
    await removeSubItem(db, engineer, id, trays.id, "本工程采用穿管明敷，无槽盒");
    const after = (await planOverview(db, id))!;
    expect(after.plan.status).toBe("draft");
    expect(after.coverage.some((s) => s.id === trays.id)).toBe(false);
    expect(after.plan.lots.some((l) => l.subItemId === trays.id)).toBe(false);
    expect(after.totals.planned).toBe(plan.totals.planned - trays.planned);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "plan.subitem.remove", entityId: after.plan.id },
      select: { payload: true },
    });
    expect(JSON.parse(event.payload)).toMatchObject({
      name: "梯架、托盘和槽盒安装",
      reason: "本工程采用穿管明敷，无槽盒",
      from: "approved",
      to: "draft",
    });
    await expect(removeSubItem(db, engineer, id, "no-such-sub-item", "x")).rejects.toMatchObject({
      status: 404,
    });
  });
});
