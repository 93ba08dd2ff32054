import type { Prisma } from "~/generated/prisma/client";
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
