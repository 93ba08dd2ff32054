import type { Db } from "~/infra/db.server";
import { rolesForOrganizationKind } from "./user-rules";

/** Organizations with the roles their people may have, for the user forms. */
export async function organizationOptions(db: Db) {
  const orgs = await db.organization.findMany({
    select: { id: true, name: true, kind: true },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
  });
  return orgs.map((o) => ({ id: o.id, name: o.name, roles: rolesForOrganizationKind(o.kind) }));
}
