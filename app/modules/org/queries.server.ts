import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import type { Scope } from "~/modules/auth/permissions";

import { ORG_KINDS } from "./labels";

type Viewer = { organizationId: string };

const orgWhere = (viewer: Viewer, scope: Scope): Prisma.OrganizationWhereInput =>
  scope === "any" ? {} : { id: viewer.organizationId };

const KIND_ORDER: readonly string[] = ORG_KINDS;

export async function listOrganizations(db: Db, viewer: Viewer, scope: Scope) {
  const rows = await db.organization.findMany({
    where: orgWhere(viewer, scope),
    select: { id: true, name: true, kind: true, _count: { select: { users: true } } },
  });
  return rows.sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      a.name.localeCompare(b.name, "zh-CN"),
  );
}

export async function getOrganization(db: Db, id: string, viewer: Viewer, scope: Scope) {
  return db.organization.findFirst({
    where: { AND: [{ id }, orgWhere(viewer, scope)] },
    select: {
      id: true,
      name: true,
      shortName: true,
      kind: true,
      users: {
        where: { active: true },
        select: { id: true, displayName: true, title: true, role: true, username: true },
        orderBy: { displayName: "asc" },
      },
      contracts: { select: { name: true, compound: { select: { id: true, name: true } } } },
      streetCompounds: { select: { id: true, name: true } },
    },
  });
}
