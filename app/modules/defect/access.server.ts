import type { Prisma } from "~/generated/prisma/client";
import type { Scope } from "~/modules/auth/permissions";

/**
 * Defects a viewer may see. "own" = defects assigned to the viewer's contractor organization.
 * In `where`, so a guessed id finds nothing.
 */
export function defectWhere(
  viewer: { organizationId: string },
  scope: Scope | null,
): Prisma.DefectWhereInput {
  if (scope === null) return { id: { in: [] } };
  if (scope === "any") return {};
  return { contractorOrgId: viewer.organizationId };
}
