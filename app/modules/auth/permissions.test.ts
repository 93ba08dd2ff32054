import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  type Action,
  PERMISSIONS,
  permits,
  ROLES,
  type Role,
  type Scope,
  scopeFor,
} from "./permissions";

// The expected matrix, written out by hand: a change to PERMISSIONS must change this table too.
const A = "any" as const;
const O = "own" as const;
const _ = null;
type BaseRole = Exclude<
  Role,
  "auditor" | "finance" | "building_leader" | "property" | "enforcement"
>;
type FundAction = Extract<Action, `fund.${string}`>;
const BASE: Record<string, Record<BaseRole, Scope | null>> = {
  "project.view": {
    admin: A,
    bureau: A,
    supervisor: A,
    contractor: A,
    owner: A,
    designer: A,
    street: A,
  },
  "compound.view": {
    admin: A,
    bureau: A,
    supervisor: A,
    contractor: O,
    owner: A,
    designer: A,
    street: O,
  },
  "workType.view": {
    admin: A,
    bureau: A,
    supervisor: A,
    contractor: A,
    owner: A,
    designer: A,
    street: A,
  },
  "checklist.publish": {
    admin: A,
    bureau: _,
    supervisor: _,
    contractor: _,
    owner: _,
    designer: _,
    street: _,
  },
  "organization.view": {
    admin: A,
    bureau: A,
    supervisor: A,
    contractor: O,
    owner: A,
    designer: O,
    street: O,
  },
  "account.view": {
    admin: O,
    bureau: O,
    supervisor: O,
    contractor: O,
    owner: O,
    designer: O,
    street: O,
  },
  "lot.view": {
    admin: A,
    bureau: A,
    supervisor: A,
    contractor: O,
    owner: A,
    designer: A,
    street: O,
  },
  "lot.create": {
    admin: _,
    bureau: _,
    supervisor: A,
    contractor: O,
    owner: _,
    designer: _,
    street: _,
  },
  "lot.record": {
    admin: _,
    bureau: _,
    supervisor: A,
    contractor: O,
    owner: _,
    designer: _,
    street: _,
  },
  "lot.submit": {
    admin: _,
    bureau: _,
    supervisor: _,
    contractor: O,
    owner: _,
    designer: _,
    street: _,
  },
  "lot.review": {
    admin: _,
    bureau: _,
    supervisor: A,
    contractor: _,
    owner: _,
    designer: _,
    street: _,
  },
  "audit.view": {
    admin: A,
    bureau: A,
    supervisor: _,
    contractor: _,
    owner: _,
    designer: _,
    street: _,
  },
  "photo.upload": {
    admin: _,
    bureau: _,
    supervisor: A,
    contractor: O,
    owner: _,
    designer: _,
    street: _,
  },
  "defect.view": {
    admin: A,
    bureau: A,
    supervisor: A,
    contractor: O,
    owner: A,
    designer: A,
    street: _,
  },
  "defect.create": {
    admin: _,
    bureau: _,
    supervisor: A,
    contractor: _,
    owner: _,
    designer: _,
    street: _,
  },
  "defect.rectify": {
    admin: _,
    bureau: _,
    supervisor: _,
    contractor: O,
    owner: _,
    designer: _,
    street: _,
  },
  "defect.review": {
    admin: _,
    bureau: _,
    supervisor: A,
    contractor: _,
    owner: _,
    designer: _,
    street: _,
  },
  "acceptance.view": {
    admin: A,
    bureau: A,
    supervisor: A,
    contractor: O,
    owner: A,
    designer: A,
    street: O,
  },
  // GB 50300 §4.0.7: the lot division plan is checked and approved by the supervisor (总监)
  "plan.manage": {
    admin: _,
    bureau: _,
    supervisor: A,
    contractor: _,
    owner: _,
    designer: _,
    street: _,
  },
  // GB 50300 §6.0.6: the 建设单位 organises (the owner organisation is a setting; the module
  // checks the organisation and the 项目负责人 post)
  "acceptance.manage": {
    admin: _,
    bureau: A,
    supervisor: _,
    contractor: _,
    owner: A,
    designer: _,
    street: _,
  },
  // 建质〔2013〕171号: the 质监站 (the bureau's station) supervises and files its own record
  "acceptance.supervise": {
    admin: _,
    bureau: A,
    supervisor: _,
    contractor: _,
    owner: _,
    designer: _,
    street: _,
  },
  "acceptance.sign": {
    admin: _,
    bureau: A,
    supervisor: A,
    contractor: O,
    owner: A,
    designer: A,
    street: _,
  },
  "dashboard.view": {
    admin: A,
    bureau: A,
    supervisor: A,
    contractor: O,
    owner: A,
    designer: A,
    street: O,
  },
  "report.export": {
    admin: A,
    bureau: A,
    supervisor: A,
    contractor: O,
    owner: A,
    designer: A,
    street: _,
  },
  "notice.view": {
    admin: A,
    bureau: A,
    supervisor: A,
    contractor: O,
    owner: A,
    designer: A,
    street: _,
  },
  "notice.issue": {
    admin: _,
    bureau: _,
    supervisor: A,
    contractor: _,
    owner: _,
    designer: _,
    street: _,
  },
  "notice.reply": {
    admin: _,
    bureau: _,
    supervisor: _,
    contractor: O,
    owner: _,
    designer: _,
    street: _,
  },
  "user.manage": {
    admin: A,
    bureau: _,
    supervisor: _,
    contractor: _,
    owner: _,
    designer: _,
    street: _,
  },
  "drawing.view": {
    admin: A,
    bureau: A,
    supervisor: A,
    contractor: O,
    owner: A,
    designer: A,
    street: O,
  },
  "drawing.upload": {
    admin: _,
    bureau: _,
    supervisor: A,
    contractor: _,
    owner: A,
    designer: A,
    street: _,
  },
};

// Issue 19 (residents and the long run), written out by hand too. Roles not named: denied.
const E = { "project.view": A, "workType.view": A, "account.view": O } as const;
const NEW_ROLES = { building_leader: E, property: E, enforcement: E } as const;
const RESIDENTS_EXPECTED: Record<string, Partial<Record<Role, Scope | null>>> = {
  "residents.view": {
    ...{ admin: A, bureau: A, supervisor: A, owner: A, contractor: O, street: O },
    ...{ building_leader: O, property: O, enforcement: O },
  },
  "survey.view": { admin: A, bureau: A, street: O, property: O },
  "survey.personal": { admin: A, bureau: A, street: O },
  "survey.edit": { street: O },
  "review.manage": { street: O },
  "review.view": { bureau: A, owner: A, street: O },
  "warranty.view": {
    ...{ bureau: A, supervisor: A, owner: A, contractor: O, street: O },
    ...{ building_leader: O, property: O },
  },
  "warranty.report": { street: O, building_leader: O, property: O },
  "warranty.rectify": { contractor: O },
  "warranty.review": { street: O, property: O },
  "illegal.view": { bureau: A, street: O, property: O, enforcement: O },
  "illegal.manage": { street: O, enforcement: O },
};
// ---- 资金监管: the fund actions for the first seven roles, and the two fund roles on everything.
const FUND_BASE: Record<FundAction, Record<BaseRole, Scope | null>> = {
  "fund.view": {
    admin: _,
    bureau: A,
    supervisor: A,
    contractor: O,
    owner: A,
    designer: _,
    street: _,
  },
  "fund.apply": {
    admin: _,
    bureau: _,
    supervisor: _,
    contractor: O,
    owner: _,
    designer: _,
    street: _,
  },
  "fund.certify": {
    admin: _,
    bureau: _,
    supervisor: A,
    contractor: _,
    owner: _,
    designer: _,
    street: _,
  },
  "fund.approve": {
    admin: _,
    bureau: _,
    supervisor: _,
    contractor: _,
    owner: A,
    designer: _,
    street: _,
  },
  "fund.pay": {
    admin: _,
    bureau: _,
    supervisor: _,
    contractor: _,
    owner: _,
    designer: _,
    street: _,
  },
  "fund.reverse": {
    admin: _,
    bureau: _,
    supervisor: _,
    contractor: _,
    owner: A,
    designer: _,
    street: _,
  },
  "fund.audit": {
    admin: _,
    bureau: A,
    supervisor: _,
    contractor: _,
    owner: A,
    designer: _,
    street: _,
  },
};
const AUDITOR_READS = [
  "project.view",
  "workType.view",
  "account.view",
  "compound.view",
  "organization.view",
  "lot.view",
  "audit.view",
  "acceptance.view",
  "report.export",
  "fund.view",
  "fund.audit",
] as const;
const FINANCE_ALSO = ["fund.pay", "fund.reverse"] as const;
const fundRole = (action: Action, extra: readonly Action[]): Scope | null => {
  if (action === "account.view") return O;
  return (AUDITOR_READS as readonly Action[]).includes(action) || extra.includes(action) ? A : _;
};
const EXPECTED = Object.fromEntries(
  (Object.keys(ACTIONS) as Action[]).map((action) => [
    action,
    {
      ...(BASE[action] ?? FUND_BASE[action as FundAction] ?? RESIDENTS_EXPECTED[action]),
      auditor: fundRole(action, []),
      finance: fundRole(action, FINANCE_ALSO),
    },
  ]),
) as Record<Action, Partial<Record<Role, Scope | null>>>;
for (const [action, roles] of Object.entries(EXPECTED))
  for (const [role, common] of Object.entries(NEW_ROLES))
    if (!(role in roles)) roles[role as Role] = common[action as keyof typeof E] ?? null;

describe("permission matrix", () => {
  it("lists every action in the expectation table", () => {
    expect(
      [...Object.keys(BASE), ...Object.keys(FUND_BASE), ...Object.keys(RESIDENTS_EXPECTED)].sort(),
    ).toEqual(Object.keys(ACTIONS).sort());
  });

  for (const role of ROLES) {
    for (const action of Object.keys(ACTIONS) as Action[]) {
      it(`${role} × ${action} → ${EXPECTED[action]?.[role] ?? "denied"}`, () => {
        expect(scopeFor(role, action)).toBe(EXPECTED[action]?.[role] ?? null);
      });
    }
  }

  it("grants nothing outside the declared actions", () => {
    for (const role of ROLES) {
      for (const action of Object.keys(PERMISSIONS[role])) expect(ACTIONS).toHaveProperty(action);
    }
  });
});

describe("permits", () => {
  const contractor = { role: "contractor" as const, organizationId: "org-a" };
  const supervisor = { role: "supervisor" as const, organizationId: "org-s" };

  it("limits an own-scoped role to records of its organization", () => {
    expect(permits(contractor, "compound.view", ["org-a"])).toBe(true);
    expect(permits(contractor, "compound.view", ["org-b"])).toBe(false);
    expect(permits(contractor, "compound.view", [])).toBe(false);
  });

  it("lets an any-scoped role act on every record", () => {
    expect(permits(supervisor, "compound.view", ["org-b"])).toBe(true);
  });

  it("denies actions outside the role whatever the record", () => {
    expect(permits(contractor, "checklist.publish")).toBe(false);
    expect(permits(supervisor, "checklist.publish", ["org-s"])).toBe(false);
  });
});
