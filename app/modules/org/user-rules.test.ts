import { describe, expect, it } from "vitest";
import { ROLES } from "~/modules/auth/permissions";
import { roleFitsOrganization, rolesForOrganizationKind, USERNAME_PATTERN } from "./user-rules";

describe("roles by organization kind", () => {
  it("gives each role exactly one home kind (admin sits with the bureau)", () => {
    const kinds = [
      "bureau",
      "owner",
      "supervisor",
      "design",
      "contractor",
      "street",
      "audit",
      "finance",
      "residents",
      "property",
      "enforcement",
    ];
    for (const role of ROLES)
      expect(kinds.filter((k) => roleFitsOrganization(role, k))).toEqual([
        {
          admin: "bureau",
          bureau: "bureau",
          supervisor: "supervisor",
          contractor: "contractor",
          owner: "owner",
          designer: "design",
          street: "street",
          auditor: "audit",
          finance: "finance",
          building_leader: "residents",
          property: "property",
          enforcement: "enforcement",
        }[role],
      ]);
    expect(rolesForOrganizationKind("unknown")).toEqual([]);
  });
  it("takes lower-case usernames of 3 to 32 characters", () => {
    expect(USERNAME_PATTERN.test("shigong3")).toBe(true);
    expect(USERNAME_PATTERN.test("Shigong")).toBe(false);
    expect(USERNAME_PATTERN.test("ab")).toBe(false);
    expect(USERNAME_PATTERN.test("1abc")).toBe(false);
  });
});
