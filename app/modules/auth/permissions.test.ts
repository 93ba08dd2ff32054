import { describe, expect, it } from "vitest";
import en from "~/locales/en/auth";
import zh from "~/locales/zh-CN/auth";
import {
  ACTION_NAMES,
  type Action,
  can,
  PERMISSIONS,
  permits,
  ROLE_LABELS,
  ROLES,
  type Role,
  scopeFor,
} from "./permissions";

// Properties of the matrix, not a copy of it: what must hold whatever grants are added.

const label = (catalogue: typeof zh, action: Action) => {
  const [group, verb] = action.split(".") as [keyof typeof zh.actions, string];
  return (catalogue.actions[group] as Record<string, string>)[verb];
};

/** Signing and certifying steps: who may put a name to a record (GB 50300-2013 §6.0.2–6.0.6). */
const SIGNERS: Partial<Record<Action, readonly Role[]>> = {
  "lot.review": ["supervisor"],
  "lot.submit": ["contractor"],
  "acceptance.sign": ["bureau", "supervisor", "owner", "designer", "contractor"],
  "acceptance.supervise": ["bureau"],
  "notice.issue": ["supervisor"],
  "defect.review": ["supervisor"],
  "fund.certify": ["supervisor"],
  "fund.approve": ["owner"],
  "fund.pay": ["finance"],
  "fund.apply": ["contractor"],
  "checklist.publish": ["admin"],
  "user.manage": ["admin"],
};

describe("permission matrix: properties", () => {
  it("grants only declared actions, each with a label in both languages", () => {
    for (const role of ROLES)
      for (const action of Object.keys(PERMISSIONS[role]))
        expect(ACTION_NAMES as readonly string[]).toContain(action);
    for (const action of ACTION_NAMES) {
      expect(label(zh, action), action).toMatch(/\p{Script=Han}/u);
      expect(label(en as unknown as typeof zh, action), action).toMatch(/^[\x20-\x7e‘’“”()–—]+$/);
    }
    for (const role of ROLES) {
      expect(ROLE_LABELS[role]).toBe(zh.roles[role]);
      expect(en.roles[role]).toMatch(/^[A-Z]/);
    }
  });

  it("a contractor reaches only its own organisation's rows, for every action it has", () => {
    const granted = Object.entries(PERMISSIONS.contractor).filter(
      ([action]) => !["project.view", "workType.view"].includes(action),
    );
    expect(granted.length).toBeGreaterThan(10);
    for (const [action, scope] of granted) expect(scope, action).toBe("own");
    const contractor = { role: "contractor" as const, organizationId: "org-a" };
    for (const [action] of granted) {
      expect(permits(contractor, action as Action, ["org-b"]), action).toBe(false);
      expect(permits(contractor, action as Action, ["org-a"]), action).toBe(true);
    }
  });

  it("street offices, building leaders, property and enforcement are bound to their own area", () => {
    for (const role of ["street", "building_leader", "property", "enforcement"] as const)
      for (const [action, scope] of Object.entries(PERMISSIONS[role]))
        if (!["project.view", "workType.view"].includes(action)) expect(scope, action).toBe("own");
  });

  it("only the listed roles may sign, certify, approve, pay or administer", () => {
    for (const [action, roles] of Object.entries(SIGNERS) as [Action, readonly Role[]][])
      expect(
        ROLES.filter((r) => can({ role: r }, action)),
        action,
      ).toEqual([...roles].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b)));
  });

  it("audit and finance bureaus change nothing but (finance) the payment record", () => {
    const changes = (role: Role) =>
      Object.keys(PERMISSIONS[role]).filter((a) => !/\.(view|audit)$/.test(a));
    expect(changes("auditor").sort()).toEqual(["report.export"]);
    expect(changes("finance").sort()).toEqual(["fund.pay", "fund.reverse", "report.export"]);
  });

  it("nobody's residents' names and phones unless the role is granted survey.personal", () => {
    expect(ROLES.filter((r) => can({ role: r }, "survey.personal"))).toEqual([
      "admin",
      "bureau",
      "street",
    ]);
  });

  it("every signed-in role may see its own account, nothing is granted to an unknown action", () => {
    for (const role of ROLES) {
      expect(scopeFor(role, "account.view"), role).toBe("own");
      expect(can({ role }, "no.such" as Action)).toBe(false);
    }
  });
});

describe("permits", () => {
  it("lets an any-scoped role act on every record", () => {
    expect(permits({ role: "supervisor", organizationId: "x" }, "lot.review", ["y"])).toBe(true);
  });
  it("denies actions outside the role whatever the record", () => {
    expect(permits({ role: "street", organizationId: "x" }, "lot.review", ["x"])).toBe(false);
  });
});
