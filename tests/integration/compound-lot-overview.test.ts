import { describe, expect, it } from "vitest";
import { type Role, scopeFor } from "~/modules/auth/permissions";
import { lotWhere } from "~/modules/lot/access.server";
import { createLot } from "~/modules/lot/create.server";
import { compoundLotOverview } from "~/modules/lot/queries.server";
import { testDb } from "../support/test-db";

describe("a compound's lots at a glance (the compound page)", () => {
  const db = testDb({ seeded: true });
  const user = async (username: string) => {
    const u = await db.user.findUniqueOrThrow({
      where: { username },
      select: { id: true, role: true, organizationId: true },
    });
    return { ...u, role: u.role as Role };
  };

  it("reads the first lots of each work type in one statement as a query per work type does, for every viewer", async () => {
    const nh = await db.compound.findUniqueOrThrow({
      where: { code: "NH" },
      select: { id: true, buildings: { select: { stairwells: { select: { id: true } } } } },
    });
    const contractor = await user("shigong1");
    const stairwells = nh.buildings.flatMap((b) => b.stairwells).slice(0, 3);
    for (const s of stairwells)
      for (const workTypeCode of ["stairwell-wiring", "stair-railing"])
        await createLot(db, contractor, "own", {
          workTypeCode,
          place: { kind: "stairwell", id: s.id },
        });

    const workTypes = await db.workType.findMany({ select: { id: true }, orderBy: { seq: "asc" } });
    const seen: number[] = [];
    for (const username of ["jianli", "shigong1", "shigong2", "anhua", "zhujianju"]) {
      const viewer = await user(username);
      const scope = scopeFor(viewer.role, "lot.view");
      const overview = await compoundLotOverview(db, nh.id, viewer, scope, 2);
      const expected = [];
      for (const wt of workTypes)
        expected.push(
          ...(await db.inspectionLot.findMany({
            where: { AND: [{ compoundId: nh.id, workTypeId: wt.id }, lotWhere(viewer, scope)] },
            orderBy: { number: "asc" },
            take: 2,
            select: {
              id: true,
              number: true,
              status: true,
              placeLabel: true,
              workType: { select: { code: true, nameZh: true } },
            },
          })),
        );
      expect(overview.lots).toEqual(expected);
      const total = await db.inspectionLot.count({
        where: { AND: [{ compoundId: nh.id }, lotWhere(viewer, scope)] },
      });
      expect([...overview.counts.values()].reduce((n, c) => n + c.total, 0)).toBe(total);
      seen.push(overview.lots.length);
    }
    // the supervisor and the contractor see two of each of the two work types; shigong2 none
    expect(seen[0]).toBeGreaterThanOrEqual(4);
    expect(seen[1]).toBeGreaterThanOrEqual(4);
    expect(seen[2]).toBe(0);
  });
});
