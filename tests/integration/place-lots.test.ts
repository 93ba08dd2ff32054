import { describe, expect, it } from "vitest";
import { createLot } from "~/modules/lot/create.server";
import { LotFilterSchema, lotListPage } from "~/modules/lot/list.server";
import { PLACE_LOTS_SHOWN } from "~/modules/lot/queries.server";
import { stairwellPage } from "~/modules/site/place-pages.server";
import { asCurrentUser, buildActor, buildCompound, buildLot } from "../support/builders";
import { testDb } from "../support/test-db";

/**
 * A place page stays short however many lots a place holds (issue 16: a generated county
 * database has hundreds per 单元): the newest few per work type, the open one to continue, the
 * count, and a link to that place's lots in the paged lot list.
 */
describe("lots at a place", () => {
  const db = testDb({ seeded: true });
  const viewer = asCurrentUser;

  it("shows the newest lots and the open one, counts them all, and pages the rest in the lot list", async () => {
    const contractor = await buildActor(db, "contractor");
    const supervisor = await buildActor(db, "supervisor");
    const compound = await buildCompound(db, {
      contractorOrgId: contractor.organizationId,
      stairwells: 2,
    });
    const [first, second] = compound.buildings[0]!.stairwells;
    // nine lots at the first 单元: the oldest left open, the eight after it accepted
    const lots = [];
    for (let i = 0; i < 9; i++) lots.push(await buildLot(db, contractor, compound));
    await db.inspectionLot.updateMany({
      where: { id: { in: lots.slice(1).map((l) => l.id) } },
      data: { status: "accepted" },
    });
    const elsewhere = await createLot(db, contractor, "own", {
      workTypeCode: "stairwell-wiring",
      place: { kind: "stairwell", id: second!.id },
      capacity: 12,
      capacityUnit: "跑",
    });

    const page = (await stairwellPage(db, viewer(supervisor), "any", first!.id))!;
    const wiring = page.work.lots.filter((l) => l.workType.code === "stairwell-wiring");
    expect(PLACE_LOTS_SHOWN).toBe(6);
    expect(wiring.map((l) => l.id)).toEqual([lots[0]!.id, ...lots.slice(3).map((l) => l.id)]);
    expect(page.work.lotCounts["stairwell-wiring"]).toBe(9);
    expect(page.work.placeFilter).toBe(`stairwell:${first!.id}`);

    // the place page's 全部 link: that place's lots only, for the contractor as for the supervisor
    const filter = LotFilterSchema.parse({
      workType: "stairwell-wiring",
      place: page.work.placeFilter,
    });
    const listed = await lotListPage(db, contractor, "own", filter, undefined);
    expect(listed.total).toBe(9);
    expect(listed.lots.map((l) => l.id)).not.toContain(elsewhere.id);
    const other = await buildActor(db, "contractor");
    expect((await lotListPage(db, other, "own", filter, undefined)).total).toBe(0);
    // a malformed place is ignored, never passed on to the query
    expect(LotFilterSchema.parse({ place: "stairwell:x' OR 1=1" }).place).toBeUndefined();
    expect(LotFilterSchema.parse({ place: "street:abc" }).place).toBeUndefined();
  });
});
