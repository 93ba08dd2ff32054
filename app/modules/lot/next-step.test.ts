import { describe, expect, it } from "vitest";
import { lotNextStepZh } from "./next-step";

// GB 50300-2013 §6.0.1: the contractor self-checks and submits, then the supervisor accepts.
describe("lotNextStepZh", () => {
  const base = { done: 17, total: 17, viewerIsContractor: false } as const;
  it("a finished draft waits for the contractor's 提交施工自检", () => {
    expect(lotNextStepZh({ ...base, state: "draft", verdict: "pass" })).toBe(
      "已填完（合格 17/17）：等待施工单位提交施工自检，之后由监理验收签认。",
    );
    expect(
      lotNextStepZh({ ...base, state: "draft", verdict: "pass", viewerIsContractor: true }),
    ).toContain("提交施工自检");
  });
  it("names who acts in every waiting state", () => {
    expect(lotNextStepZh({ ...base, state: "draft", verdict: "incomplete", done: 10 })).toBe(
      "还有 7 项未填写；填完后由施工单位提交施工自检。",
    );
    expect(lotNextStepZh({ ...base, state: "submitted", verdict: "pass" })).toContain("请监理");
    expect(lotNextStepZh({ ...base, state: "rejected", verdict: "fail" })).toContain("施工单位");
    expect(lotNextStepZh({ ...base, state: "accepted", verdict: "pass" })).toContain("无需");
  });
});
