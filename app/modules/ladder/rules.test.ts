import { describe, expect, it } from "vitest";
import { ladderPrerequisites } from "~/modules/acceptance/prerequisites";
import {
  currentStep,
  filingDueOn,
  type LadderState,
  preAcceptanceRefusal,
  reportRefusal,
} from "./rules";

const two = [
  { organizationId: "a", organizationName: "甲建筑公司" },
  { organizationId: "b", organizationName: "乙建筑公司" },
];
const state = (over: Partial<LadderState>): LadderState => ({
  contractors: two,
  reported: [],
  preAcceptance: null,
  acceptance: null,
  ...over,
});

describe("the order of the 单位工程 acceptance (GB 50300-2013 §6.0.5, §6.0.6; 建质〔2013〕171号 第五条)", () => {
  it("starts at the contractors' 竣工报告 until every contractor with a contract has submitted", () => {
    expect(currentStep(state({}))).toBe("reports");
    expect(currentStep(state({ reported: ["a"] }))).toBe("reports");
    expect(currentStep(state({ reported: ["a", "b"] }))).toBe("preAcceptance");
  });

  it("§6.0.5: the 总监 holds the 预验收 only after every 竣工报告, and a passed one is final", () => {
    expect(preAcceptanceRefusal(state({ reported: ["a"] }))).toBe("reportsMissing");
    expect(preAcceptanceRefusal(state({ contractors: [] }))).toBe("reportsMissing");
    expect(preAcceptanceRefusal(state({ reported: ["a", "b"] }))).toBeNull();
    // a failed 预验收 is followed by another after rectification
    expect(preAcceptanceRefusal(state({ reported: ["a", "b"], preAcceptance: "fail" }))).toBeNull();
    expect(preAcceptanceRefusal(state({ reported: ["a", "b"], preAcceptance: "pass" }))).toBe(
      "passed",
    );
  });

  it("a 竣工报告 comes from a contractor of the compound, once, before the 预验收 passes", () => {
    expect(reportRefusal(state({}), "x")).toBe("noContract");
    expect(reportRefusal(state({}), "a")).toBeNull();
    expect(reportRefusal(state({ reported: ["a"] }), "a")).toBe("submitted");
    expect(reportRefusal(state({ preAcceptance: "pass" }), "b")).toBe("preAccepted");
  });

  it("§6.0.6: the 竣工验收 follows a passed 预验收; the records follow a passed session", () => {
    const ready = { reported: ["a", "b"], preAcceptance: "pass" as const };
    expect(currentStep(state({ ...ready, preAcceptance: "fail" }))).toBe("preAcceptance");
    expect(currentStep(state(ready))).toBe("acceptance");
    expect(currentStep(state({ ...ready, acceptance: "open" }))).toBe("acceptance");
    expect(currentStep(state({ ...ready, acceptance: "failed" }))).toBe("acceptance");
    expect(currentStep(state({ ...ready, acceptance: "passed" }))).toBe("records");
  });

  it("each missing step is a prerequisite of the session, linking to where it is done", () => {
    const list = ladderPrerequisites("c1", {
      missingReports: [{ organization: "乙建筑公司" }],
      preAcceptance: "fail",
    });
    expect(list.map((p) => [p.key, p.ok])).toEqual([
      ["completionReports", false],
      ["preAcceptance", false],
    ]);
    expect(list[0]?.blockers).toEqual([
      {
        code: "completionReportMissing",
        params: { organization: "乙建筑公司" },
        href: "/compounds/c1/acceptance#completion-reports",
      },
    ]);
    expect(list[1]?.blockers[0]).toMatchObject({
      code: "preAcceptanceFailed",
      href: "/compounds/c1/acceptance#pre-acceptance",
    });
    const met = ladderPrerequisites("c1", { missingReports: [], preAcceptance: "pass" });
    expect(met.every((p) => p.ok && p.blockers.length === 0)).toBe(true);
    expect(
      ladderPrerequisites("c1", { missingReports: [], preAcceptance: null })[1]?.blockers[0]?.code,
    ).toBe("preAcceptanceMissing");
  });

  it("备案管理办法 第四条: the 备案 is due within 15 days of the passed acceptance", () => {
    expect(filingDueOn(new Date("2026-12-01T08:00:00Z")).toISOString()).toBe(
      "2026-12-16T08:00:00.000Z",
    );
  });
});
