import auth from "~/locales/zh-CN/auth";

/** Kinds of organisation, in the order lists show them; labels are `auth:orgKinds.<kind>`. */
export const ORG_KINDS = Object.keys(auth.orgKinds) as (keyof typeof auth.orgKinds)[];
export type OrgKind = (typeof ORG_KINDS)[number];

export function isOrgKind(value: string): value is OrgKind {
  return (ORG_KINDS as string[]).includes(value);
}

/** Chinese labels (the zh catalogue's), for callers not yet converted. */
export const ORG_KIND_LABELS: Record<string, string> = auth.orgKinds;
