import { describe, expect, it } from "vitest";
import { offlinePackage } from "~/modules/offline/package.server";
import {
  asCurrentUser,
  buildActor,
  buildCompound,
  buildDefect,
  buildLot,
} from "../support/builders";
import { testDb } from "../support/test-db";

/**
 * 离线准备 (issue 17 item 2): what a tablet downloads to work on a compound without signal: the
 * compound's page and places, the lots not yet accepted and the open defects, within the
 * viewer's reach only (a contractor's package never lists another contractor's lots).
 */
describe("a compound's offline package", () => {
  const db = testDb({ seeded: true });
  const viewer = asCurrentUser;

  it("lists the compound, its places, lots in progress and open defects; not accepted lots or closed defects", async () => {
    const contractor = await buildActor(db, "contractor");
    const other = await buildActor(db, "contractor");
    const supervisor = await buildActor(db, "supervisor");
    const compound = await buildCompound(db, {
      contractorOrgId: contractor.organizationId,
      stairwells: 2,
    });
    const open = await buildLot(db, contractor, compound);
    const accepted = await buildLot(db, contractor, compound);
    await db.inspectionLot.update({ where: { id: accepted.id }, data: { status: "accepted" } });
    const defect = await buildDefect(db, supervisor, compound, contractor.organizationId);
    const closed = await buildDefect(db, supervisor, compound, contractor.organizationId);
    await db.defect.update({ where: { id: closed.id }, data: { status: "closed" } });

    const forSupervisor = await offlinePackage(db, viewer(supervisor), "any", compound.id);
    const [building] = compound.buildings;
    expect(forSupervisor?.pages).toEqual(
      expect.arrayContaining([
        `/compounds/${compound.id}`,
        `/buildings/${building!.id}`,
        ...building!.stairwells.map((s) => `/stairwells/${s.id}`),
        `/lots/${open.id}`,
        `/defects/${defect.id}`,
        `/compounds/${compound.id}/drawings`,
      ]),
    );
    expect(forSupervisor?.pages).not.toContain(`/lots/${accepted.id}`);
    expect(forSupervisor?.pages).not.toContain(`/defects/${closed.id}`);
    expect(forSupervisor?.truncated).toEqual({ lots: false, defects: false, drawings: false });

    // A second contractor with its own contract in the same compound: each package lists only
    // that contractor's lots and defects.
    await db.contract.create({
      data: {
        compoundId: compound.id,
        contractorOrgId: other.organizationId,
        name: "标段二",
        scopeZh: "道路",
      },
    });
    const othersLot = await buildLot(db, other, compound);
    const othersDefect = await buildDefect(db, supervisor, compound, other.organizationId);
    const forContractor = await offlinePackage(db, viewer(contractor), "own", compound.id);
    expect(forContractor?.pages).toContain(`/lots/${open.id}`);
    expect(forContractor?.pages).toContain(`/defects/${defect.id}`);
    expect(forContractor?.pages).not.toContain(`/lots/${othersLot.id}`);
    expect(forContractor?.pages).not.toContain(`/defects/${othersDefect.id}`);
    const forOther = await offlinePackage(db, viewer(other), "own", compound.id);
    expect(forOther?.pages).toContain(`/lots/${othersLot.id}`);
    expect(forOther?.pages).not.toContain(`/lots/${open.id}`);
    expect(forOther?.pages).not.toContain(`/defects/${defect.id}`);
    // A contractor with no contract in the compound gets no package at all.
    const outsider = await buildActor(db, "contractor");
    expect(await offlinePackage(db, viewer(outsider), "own", compound.id)).toBeNull();
    expect(await offlinePackage(db, viewer(supervisor), "any", "no-such-compound")).toBeNull();
  });
});
