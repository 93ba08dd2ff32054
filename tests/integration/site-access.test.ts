import { describe, expect, it } from "vitest";
import { scopeFor } from "~/modules/auth/permissions";
import { getOrganization } from "~/modules/org/queries.server";
import {
  getBuilding,
  getCompound,
  getProjectOverview,
  getStairwell,
  getZone,
} from "~/modules/site/queries.server";
import { testDb } from "../support/test-db";

describe("what each organization may see of the sites", () => {
  const db = testDb({ seeded: true });

  async function fixture() {
    const orgs = await db.organization.findMany({ select: { id: true, shortName: true } });
    const org = (name: string) => orgs.find((o) => o.shortName === name)!.id;
    const compounds = await db.compound.findMany({
      select: {
        id: true,
        code: true,
        buildings: { take: 1, select: { id: true, stairwells: { take: 1, select: { id: true } } } },
        zones: { take: 1, select: { id: true } },
      },
    });
    const nh = compounds.find((c) => c.code === "NH")!;
    const wzb = compounds.find((c) => c.code === "WZB")!;
    const project = await db.project.findFirstOrThrow({ select: { id: true } });
    return { org, nh, wzb, projectId: project.id };
  }

  it("a contractor sees only the compound it builds, and nothing of the other by id", async () => {
    const { org, nh, wzb, projectId } = await fixture();
    const viewer = { organizationId: org("鸿达建筑") };
    const scope = scopeFor("contractor", "compound.view")!;
    const overview = await getProjectOverview(db, projectId, viewer, scope);
    expect(overview?.compounds.map((c) => c.id)).toEqual([nh.id]);
    expect(await getCompound(db, nh.id, viewer, scope)).not.toBeNull();
    expect(await getCompound(db, wzb.id, viewer, scope)).toBeNull();
    expect(await getBuilding(db, wzb.buildings[0]!.id, viewer, scope)).toBeNull();
    expect(await getStairwell(db, wzb.buildings[0]!.stairwells[0]!.id, viewer, scope)).toBeNull();
    expect(await getZone(db, wzb.zones[0]!.id, viewer, scope)).toBeNull();
    expect(await getZone(db, nh.zones[0]!.id, viewer, scope)).not.toBeNull();
  });

  it("a street office sees the compound in its jurisdiction only", async () => {
    const { org, nh, wzb } = await fixture();
    const viewer = { organizationId: org("玉水街道") };
    expect(await getCompound(db, wzb.id, viewer, "own")).not.toBeNull();
    expect(await getCompound(db, nh.id, viewer, "own")).toBeNull();
  });

  it("the supervisor and the bureau see every compound", async () => {
    const { org, projectId } = await fixture();
    for (const name of ["正衡监理", "县住建局"]) {
      const overview = await getProjectOverview(
        db,
        projectId,
        { organizationId: org(name) },
        "any",
      );
      expect(overview?.compounds).toHaveLength(2);
    }
  });

  it("an own-scoped organization page finds only the viewer's own organization", async () => {
    const { org } = await fixture();
    const viewer = { organizationId: org("鸿达建筑") };
    expect(await getOrganization(db, org("鸿达建筑"), viewer, "own")).not.toBeNull();
    expect(await getOrganization(db, org("黔东建设"), viewer, "own")).toBeNull();
    expect(await getOrganization(db, org("黔东建设"), viewer, "any")).not.toBeNull();
  });
});
