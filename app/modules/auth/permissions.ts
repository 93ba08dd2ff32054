/** Roles, actions and the permission matrix: pure data and functions, no I/O. */
import auth from "~/locales/zh-CN/auth";

export const ROLES = [
  "admin",
  "bureau",
  "supervisor",
  "contractor",
  "owner",
  "designer",
  "street",
  // 资金监管 (fund supervision): the county's audit and finance bureaus
  "auditor",
  "finance",
  // residents and the long run (issue 19)
  "building_leader",
  "property",
  "enforcement",
] as const;
export type Role = (typeof ROLES)[number];

/** Every action a loader or action may ask for; its label is `auth:actions.<action>`. */
export const ACTION_NAMES = [
  "project.view",
  "compound.view",
  "workType.view",
  "checklist.publish",
  "organization.view",
  "account.view",
  "lot.view",
  "lot.create",
  "lot.record",
  "lot.submit",
  "lot.review",
  "audit.view",
  "photo.upload",
  "defect.view",
  "defect.create",
  "defect.rectify",
  "defect.review",
  "notice.view",
  "notice.issue",
  "notice.reply",
  "user.manage",
  "plan.manage",
  "acceptance.view",
  "acceptance.manage",
  "acceptance.supervise",
  "acceptance.sign",
  "dashboard.view",
  "report.export",
  "drawing.view",
  "drawing.upload",
  // 资金监管 (fund supervision)
  "fund.view",
  "fund.apply",
  "fund.certify",
  "fund.approve",
  "fund.pay",
  "fund.reverse",
  "fund.audit",
  // residents and the long run (issue 19)
  "residents.view",
  "survey.view",
  "survey.personal",
  "survey.edit",
  "review.manage",
  "review.view",
  "warranty.view",
  "warranty.report",
  "warranty.rectify",
  "warranty.review",
  "illegal.view",
  "illegal.manage",
] as const;
export type Action = (typeof ACTION_NAMES)[number];

type Labels = typeof auth.actions;
const actionLabel = (action: Action, labels: Labels): string => {
  const [group, verb] = action.split(".") as [keyof Labels, string];
  return (labels[group] as Record<string, string>)[verb] ?? action;
};

/** Chinese role names (the zh catalogue's); pages take `auth:roles.<role>` in their language. */
export const ROLE_LABELS: Record<Role, string> = auth.roles;

/** Chinese action labels (the zh catalogue's); pages take `auth:actions.<action>`. */
export const ACTIONS = Object.fromEntries(
  ACTION_NAMES.map((a) => [a, actionLabel(a, auth.actions)]),
) as Record<Action, string>;

/**
 * any: every record; own: records tied to the user's organization
 * (a contractor's contracts, a street office's compounds, its own organization).
 */
export type Scope = "any" | "own";

type Matrix = Record<Role, Partial<Record<Action, Scope>>>;

const everyone = {
  "project.view": "any",
  "workType.view": "any",
  "account.view": "own",
} as const satisfies Partial<Record<Action, Scope>>;

/** What the auditor and finance both read: every compound, lot, acceptance, record and fund. */
const readsEverything = {
  "compound.view": "any",
  "organization.view": "any",
  "lot.view": "any",
  "audit.view": "any",
  "acceptance.view": "any",
  "report.export": "any",
  "fund.view": "any",
  "fund.audit": "any",
} as const satisfies Partial<Record<Action, Scope>>;

/** What every party to the final acceptance (supervisor, owner, designer) does besides its own. */
const acceptanceParty = {
  "acceptance.view": "any",
  "acceptance.sign": "any",
  "dashboard.view": "any",
  "report.export": "any",
  "drawing.view": "any",
  "drawing.upload": "any",
} as const satisfies Partial<Record<Action, Scope>>;

export const PERMISSIONS: Matrix = {
  admin: {
    ...everyone,
    "compound.view": "any",
    "checklist.publish": "any",
    "organization.view": "any",
    "lot.view": "any",
    "audit.view": "any",
    "defect.view": "any",
    "notice.view": "any",
    "user.manage": "any",
    "acceptance.view": "any",
    "dashboard.view": "any",
    "report.export": "any",
    "drawing.view": "any",
  },
  bureau: {
    ...everyone,
    "compound.view": "any",
    "organization.view": "any",
    "lot.view": "any",
    "audit.view": "any",
    "defect.view": "any",
    "notice.view": "any",
    "acceptance.view": "any",
    "acceptance.manage": "any",
    "acceptance.supervise": "any",
    "acceptance.sign": "any",
    "dashboard.view": "any",
    "report.export": "any",
    "drawing.view": "any",
  },
  supervisor: {
    ...everyone,
    ...acceptanceParty,
    "compound.view": "any",
    "organization.view": "any",
    "lot.view": "any",
    "lot.create": "any",
    "lot.record": "any",
    "lot.review": "any",
    "photo.upload": "any",
    "defect.view": "any",
    "defect.create": "any",
    "defect.review": "any",
    "notice.view": "any",
    "notice.issue": "any",
    "plan.manage": "any",
  },
  owner: {
    ...everyone,
    ...acceptanceParty,
    "compound.view": "any",
    "organization.view": "any",
    "lot.view": "any",
    "defect.view": "any",
    "notice.view": "any",
    "acceptance.manage": "any",
  },
  designer: {
    ...everyone,
    ...acceptanceParty,
    "compound.view": "any",
    "organization.view": "own",
    "lot.view": "any",
    "defect.view": "any",
    "notice.view": "any",
  },
  contractor: {
    ...everyone,
    "compound.view": "own",
    "organization.view": "own",
    "lot.view": "own",
    "lot.create": "own",
    "lot.record": "own",
    "lot.submit": "own",
    "photo.upload": "own",
    "defect.view": "own",
    "defect.rectify": "own",
    "notice.view": "own",
    "notice.reply": "own",
    "acceptance.view": "own",
    "acceptance.sign": "own",
    "dashboard.view": "own",
    "report.export": "own",
    "drawing.view": "own",
  },
  // Street offices see lots in their compounds but not defects: a defect is an open matter
  // between supervisor and contractor; the street hears of it through the lot or acceptance.
  street: {
    ...everyone,
    "compound.view": "own",
    "organization.view": "own",
    "lot.view": "own",
    "acceptance.view": "own",
    "dashboard.view": "own",
    "drawing.view": "own",
  },
  // granted in FUND_GRANTS below
  auditor: {},
  finance: {},
  // issue 19 roles: their actions are in the residents block below
  building_leader: { ...everyone },
  property: { ...everyone },
  enforcement: { ...everyone },
};

// ---- 资金监管 (fund supervision): one compact block, merged into the matrix below. Contractors
// see their own contracts; 审计局 and 财政局 read everything a payment rests on, change nothing
// but (财政局) the payment record.
const FUND_GRANTS: Partial<Record<Role, Partial<Record<Action, Scope>>>> = {
  admin: {},
  bureau: { "fund.view": "any", "fund.audit": "any" },
  supervisor: { "fund.view": "any", "fund.certify": "any" },
  contractor: { "fund.view": "own", "fund.apply": "own" },
  owner: { "fund.view": "any", "fund.approve": "any", "fund.reverse": "any", "fund.audit": "any" },
  designer: {},
  street: {},
  auditor: { ...everyone, ...readsEverything },
  finance: { ...everyone, ...readsEverything, "fund.pay": "any", "fund.reverse": "any" },
};
for (const role of ROLES) PERMISSIONS[role] = { ...PERMISSIONS[role], ...FUND_GRANTS[role] };

/** Issue 19: the community (street), building leaders, property company and law enforcement. */
const residentsMatrix: Partial<Record<Role, Partial<Record<Action, Scope>>>> = {
  admin: { "residents.view": "any", "survey.view": "any", "survey.personal": "any" },
  bureau: {
    ...{ "residents.view": "any", "survey.view": "any", "survey.personal": "any" },
    ...{ "review.view": "any", "warranty.view": "any", "illegal.view": "any" },
  },
  supervisor: { "residents.view": "any", "warranty.view": "any" },
  owner: { "residents.view": "any", "review.view": "any", "warranty.view": "any" },
  contractor: { "residents.view": "own", "warranty.view": "own", "warranty.rectify": "own" },
  street: {
    ...{ "residents.view": "own", "survey.view": "own", "survey.personal": "own" },
    ...{ "survey.edit": "own", "review.manage": "own", "review.view": "own" },
    ...{ "warranty.view": "own", "warranty.report": "own", "warranty.review": "own" },
    ...{ "illegal.view": "own", "illegal.manage": "own" },
  },
  building_leader: {
    ...{ "residents.view": "own", "warranty.view": "own", "warranty.report": "own" },
  },
  property: {
    ...{ "residents.view": "own", "survey.view": "own", "warranty.view": "own" },
    ...{ "warranty.report": "own", "warranty.review": "own", "illegal.view": "own" },
  },
  enforcement: {
    ...{ "residents.view": "own", "illegal.view": "own", "illegal.manage": "own" },
  },
};
for (const role of ROLES) PERMISSIONS[role] = { ...PERMISSIONS[role], ...residentsMatrix[role] };

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function scopeFor(role: Role, action: Action): Scope | null {
  return PERMISSIONS[role][action] ?? null;
}

export type Actor = { role: Role; organizationId: string };

/** Whether the actor may act on a record owned by the given organizations (none = not org-bound). */
export function permits(actor: Actor, action: Action, ownerOrgIds?: readonly string[]): boolean {
  const scope = scopeFor(actor.role, action);
  if (scope === null) return false;
  if (scope === "any" || ownerOrgIds === undefined) return true;
  return ownerOrgIds.includes(actor.organizationId);
}

/** Whether the user's role may do `action` at all (its scope aside): the matrix, not role names. */
export function can(user: { role: Role }, action: Action): boolean {
  return scopeFor(user.role, action) !== null;
}

/** Whether `value` names an action of the matrix (for labels of stored or posted action names). */
export function isAction(value: string): value is Action {
  return (ACTION_NAMES as readonly string[]).includes(value);
}
