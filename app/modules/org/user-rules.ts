/** Which role fits which kind of organization: a user's permissions follow from both. Pure. */
import { ROLES, type Role } from "~/modules/auth/permissions";

const ROLES_BY_ORG_KIND: Record<string, readonly Role[]> = {
  bureau: ["bureau", "admin"],
  owner: ["owner"],
  supervisor: ["supervisor"],
  design: ["designer"],
  contractor: ["contractor"],
  street: ["street"],
  audit: ["auditor"],
  finance: ["finance"],
  // issue 19: 楼栋自治小组, 物业服务企业, 综合行政执法局
  residents: ["building_leader"],
  property: ["property"],
  enforcement: ["enforcement"],
};

export function rolesForOrganizationKind(kind: string): readonly Role[] {
  return ROLES_BY_ORG_KIND[kind] ?? [];
}

export function roleFitsOrganization(role: Role, orgKind: string): boolean {
  return rolesForOrganizationKind(orgKind).includes(role);
}

export function isRoleValue(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export const USERNAME_PATTERN = /^[a-z][a-z0-9_.-]{2,31}$/;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH_CHARS = 200;
