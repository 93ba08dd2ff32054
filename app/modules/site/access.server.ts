import type { Prisma } from "~/generated/prisma/client";
import type { Scope } from "~/modules/auth/permissions";

type Viewer = { organizationId: string };

/**
 * Compounds a viewer may see. "own" = a compound the viewer's organization has a contract in
 * (施工单位) or is the street office of (街道). Applied in `where`, so a guessed id finds nothing.
 */
export function compoundWhere(viewer: Viewer, scope: Scope | null): Prisma.CompoundWhereInput {
  if (scope === null) return { id: { in: [] } };
  if (scope === "any") return {};
  return {
    OR: [
      { contracts: { some: { contractorOrgId: viewer.organizationId } } },
      { streetOfficeOrgId: viewer.organizationId },
    ],
  };
}
