import type { TFunction } from "i18next";
import type { Db } from "~/infra/db.server";
import { auditActionLabel } from "~/modules/audit/labels";
import { eventsFor } from "~/modules/audit/record.server";
import { isRole } from "~/modules/auth/permissions";
import { organizationOptions } from "./org-options.server";
import { getUser, listUsers } from "./users.server";

type T = TFunction<"auth">;

/** The users list: one row per account, role in the reader's language. */
export async function usersPage(db: Db, t: T) {
  const users = await listUsers(db);
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    title: u.title,
    roleLabel: isRole(u.role) ? t(`roles.${u.role}`) : u.role,
    organization: u.organization.shortName,
    active: u.active,
  }));
}

const FIELDS = ["displayName", "title", "phone", "role", "organizationId"] as const;
const isField = (f: string): f is (typeof FIELDS)[number] =>
  (FIELDS as readonly string[]).includes(f);

/** "Role: Contractor → Supervision engineer" from an event's recorded changes; "" for others. */
function describeChange(payload: string, orgNames: Map<string, string>, t: T): string {
  const { changes } = JSON.parse(payload) as {
    changes?: Record<string, { from: unknown; to: unknown }>;
  };
  const show = (field: string, v: unknown) => {
    if (v === null || v === undefined || v === "") return t("users.empty");
    const text = String(v);
    if (field === "role" && isRole(text)) return t(`roles.${text}`);
    if (field === "organizationId") return orgNames.get(text) ?? text;
    return text;
  };
  return Object.entries(changes ?? {})
    .map(([f, c]) =>
      t("users.change", {
        field: isField(f) ? t(`users.fields.${f}`) : f,
        from: show(f, c.from),
        to: show(f, c.to),
      }),
    )
    .join(t("users.changeSeparator"));
}

/** One account with the organisations it may move to and its change history; null if unknown. */
export async function userPage(db: Db, userId: string, t: T) {
  const account = await getUser(db, userId);
  if (!account) return null;
  const [events, orgs] = await Promise.all([
    eventsFor(db, "User", account.id),
    organizationOptions(db),
  ]);
  const orgNames = new Map(orgs.map((o) => [o.id, o.name]));
  return {
    account: {
      ...account,
      roleLabel: isRole(account.role) ? t(`roles.${account.role}`) : account.role,
    },
    orgs,
    history: events.map((e) => ({
      seq: e.seq,
      at: e.at,
      action: auditActionLabel(t as unknown as TFunction, e.action),
      detail: describeChange(e.payload, orgNames, t),
    })),
  };
}
