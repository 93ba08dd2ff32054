import type { Prisma } from "~/generated/prisma/client";
import type { Scope } from "~/modules/auth/permissions";
import { compoundWhere } from "~/modules/site/access.server";

/** Revisions a viewer may see: those of compounds the viewer may see. In `where`: a guessed id finds nothing. */
export function revisionWhere(
  viewer: { organizationId: string },
  scope: Scope | null,
): Prisma.DrawingRevisionWhereInput {
  return { sheet: { compound: compoundWhere(viewer, scope) } };
}
