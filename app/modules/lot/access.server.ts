import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import type { Scope } from "~/modules/auth/permissions";

/**
 * Lots a viewer may see. "own" = lots of the viewer's contractor organization, or lots in a
 * compound the viewer's street office covers. In `where`, so a guessed id finds nothing.
 */
export function lotWhere(
  viewer: { organizationId: string },
  scope: Scope | null,
): Prisma.InspectionLotWhereInput {
  if (scope === null) return { id: { in: [] } };
  if (scope === "any") return {};
  return {
    OR: [
      { contractorOrgId: viewer.organizationId },
      { compound: { streetOfficeOrgId: viewer.organizationId } },
    ],
  };
}

/**
 * The same lots as `lotWhere`, with the street office's compounds looked up first: their ids
 * instead of a join on Compound, so an index on contractorOrgId / compoundId serves the read
 * (the dashboard's counts over a county's lots). Keep the two in step.
 */
export async function lotWhereResolved(
  db: Db,
  viewer: { organizationId: string },
  scope: Scope | null,
): Promise<Prisma.InspectionLotWhereInput> {
  if (scope === null || scope === "any") return lotWhere(viewer, scope);
  const streets = await db.compound.findMany({
    where: { streetOfficeOrgId: viewer.organizationId },
    select: { id: true },
  });
  const own = { contractorOrgId: viewer.organizationId };
  return streets.length === 0
    ? own
    : { OR: [own, { compoundId: { in: streets.map((c) => c.id) } }] };
}

/**
 * The same rule as `lotWhere`, as a condition on a raw read's `l` (InspectionLot) and `c`
 * (its Compound): the lot page's one-statement read uses it. Keep the two in step.
 */
export function lotWhereSql(
  viewer: { organizationId: string },
  scope: Scope | null,
): { sql: string; params: string[] } | undefined {
  if (scope === null) return { sql: "1 = 0", params: [] };
  if (scope === "any") return undefined;
  return {
    sql: "l.contractorOrgId = ? OR c.streetOfficeOrgId = ?",
    params: [viewer.organizationId, viewer.organizationId],
  };
}
