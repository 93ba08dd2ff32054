import path from "node:path";
import { describe, expect, it } from "vitest";
import { dashboard } from "~/modules/dashboard/dashboard.server";
import { publicNotice } from "~/modules/dashboard/public.server";
import { weeklyTrend } from "~/modules/dashboard/trend";
import { defectListCounts } from "~/modules/defect/read.server";
import { LocalPhotoStorage } from "~/modules/photo/storage.server";
import { seedDemoActivity } from "../../prisma/seed/activity";
import { TMP_DIR } from "../support/paths";
import { testDb } from "../support/test-db";

describe("dashboards and the public notice", () => {
  const db = testDb({ seeded: true });
  const viewer = async (username: string) => {
    const u = await db.user.findUniqueOrThrow({ where: { username } });
    return { role: u.role as "bureau", organizationId: u.organizationId };
  };

  it("gives the bureau every compound and a contractor only its own, from the demo activity", async () => {
    const files = path.join(TMP_DIR, `dashboard-${process.pid}-${Date.now()}`);
    await seedDemoActivity(
      db,
      new LocalPhotoStorage(path.join(files, "photos")),
      new LocalPhotoStorage(path.join(files, "evidence")),
    );
    const now = new Date("2021-07-20T12:00:00+08:00");
    const bureau = await dashboard(db, await viewer("zhujianju"), now);
    expect(bureau.compounds.map((c) => [c.name, c.lotsAccepted, c.lotsTotal])).toEqual([
      ["县农行老旧小区", 9, 12], // 8 单元 lots + 2 road sections accepted of 12
      ["县武装部老旧小区", 3, 4],
    ]);
    expect(bureau.byContractor.map((r) => [r.name, r.closed])).toEqual([
      ["鸿达建筑", 4],
      ["黔东建设", 1],
    ]);
    expect(bureau.trend.reduce((n, w) => n + w.opened, 0)).toBe(10);
    expect(bureau.phases[0]?.phases.map((p) => p.state)).toEqual([
      "done",
      "done",
      "current",
      "upcoming",
    ]);

    const contractor = await dashboard(db, await viewer("shigong2"), now);
    expect(contractor.compounds.map((c) => c.name)).toEqual(["县武装部老旧小区"]);
    expect(contractor.byContractor.map((r) => r.name)).toEqual(["黔东建设"]);

    const street = await dashboard(db, await viewer("anhua"), now);
    expect(street.compounds.map((c) => c.name)).toEqual(["县农行老旧小区"]);
    expect(street.showDefects).toBe(false);
    expect(street.trend).toEqual([]);
  }, 300_000); // seeds the whole demo activity: ~40 s on a loaded shared machine, >120 s on PostgreSQL there

  it("counts its weekly trend and overdue defects in SQL as a plain count over the rows does", async () => {
    const rows = await db.defect.findMany({
      select: {
        createdAt: true,
        closedAt: true,
        contractorOrgId: true,
        compoundId: true,
        status: true,
        dueOn: true,
      },
    });
    const day = 86_400_000;
    // after the last activity, in the middle of it (later weeks exist), before any defect
    for (const at of ["2021-07-20T12:00:00+08:00", "2021-06-01T12:00:00+08:00", "2020-01-01"]) {
      const now = new Date(at);
      for (const username of ["zhujianju", "shigong1"]) {
        const v = await viewer(username);
        const mine =
          username === "zhujianju"
            ? rows
            : rows.filter((r) => r.contractorOrgId === v.organizationId);
        const seen = await dashboard(db, v, now);
        expect(seen.trend).toEqual(weeklyTrend(mine, now));
        const overdue = mine.filter(
          (r) => r.status !== "closed" && r.dueOn.getTime() <= now.getTime() - day,
        );
        // the defect list's 逾期 count, by open state
        const scope = username === "zhujianju" ? "any" : "own";
        expect((await defectListCounts(db, v, scope, {}, now)).overdue).toBe(overdue.length);
        expect(seen.compounds.map((c) => c.defectsOverdue)).toEqual(
          seen.compounds.map(
            (c) =>
              mine.filter(
                (r) =>
                  r.compoundId === c.id &&
                  r.status !== "closed" &&
                  r.dueOn.getTime() <= now.getTime() - day,
              ).length,
          ),
        );
      }
    }
    const bureau = await dashboard(
      db,
      await viewer("zhujianju"),
      new Date("2021-06-01T12:00:00+08:00"),
    );
    expect(bureau.trend.length).toBeGreaterThan(1);
  });

  it("tells the public counts and dates, never a person's name or a comment", async () => {
    const notice = (await publicNotice(db, "NH"))!;
    expect(notice.defects).toEqual({ found: 7, rectified: 4, rectifying: 3 });
    expect(notice.progress.find((p) => p.nameZh.startsWith("楼道线路"))).toMatchObject({
      accepted: 4,
      total: 4,
    });
    const text = JSON.stringify(notice);
    const people = await db.user.findMany({ select: { displayName: true } });
    for (const p of people) expect(text).not.toContain(p.displayName);
    expect(text).not.toContain("请复查");
    expect(await publicNotice(db, "NOPE")).toBeNull();
  });
});
