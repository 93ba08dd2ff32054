import type { Db } from "~/infra/db.server";
import type { Scope } from "~/modules/auth/permissions";

type Viewer = { organizationId: string };

/**
 * Compounds an "own"-scoped viewer may see in the residents' work: its organization is the
 * compound's street office, holds a contract in it, or is one of its parties (楼栋自治小组, 物业,
 * 执法局). Applied in `where` as `compoundId in (…)`, so a guessed id finds nothing.
 */
export async function ownCompoundIds(db: Db, viewer: Viewer): Promise<string[]> {
  const [street, contracts, parties] = await Promise.all([
    db.compound.findMany({
      where: { streetOfficeOrgId: viewer.organizationId },
      select: { id: true },
    }),
    db.contract.findMany({
      where: { contractorOrgId: viewer.organizationId },
      select: { compoundId: true },
    }),
    db.compoundParty.findMany({
      where: { organizationId: viewer.organizationId },
      select: { compoundId: true },
    }),
  ]);
  return [
    ...new Set([
      ...street.map((c) => c.id),
      ...contracts.map((c) => c.compoundId),
      ...parties.map((p) => p.compoundId),
    ]),
  ];
}

/** A `compoundId` filter for the viewer: every compound (any) or its own ones. */
export async function compoundIdFilter(
  db: Db,
  viewer: Viewer,
  scope: Scope | null,
): Promise<{ in: string[] } | undefined> {
  if (scope === null) return { in: [] };
  if (scope === "any") return undefined;
  return { in: await ownCompoundIds(db, viewer) };
}

/** The compound if the viewer may see it under this scope, else null (404 for the route). */
export async function visibleCompound(db: Db, viewer: Viewer, scope: Scope | null, id: string) {
  const filter = await compoundIdFilter(db, viewer, scope);
  return db.compound.findFirst({
    where: { AND: [{ id }, filter ? { id: filter } : {}] },
    select: { id: true, code: true, name: true, address: true, households: true },
  });
}
