import { describe, expect, it } from "vitest";
import { fixedT } from "~/modules/i18n/i18n.server";
import { lotNextStep } from "./next-step";

const say = (lng: "zh-CN" | "en", input: Parameters<typeof lotNextStep>[0]) => {
  const { key, params } = lotNextStep(input);
  return (fixedT(lng) as unknown as (k: string, p?: object) => string)(key, params);
};
const zh = (input: Parameters<typeof lotNextStep>[0]) => say("zh-CN", input);

// GB 50300-2013 §6.0.1: the contractor self-checks and submits, then the supervisor accepts.
describe("lotNextStep", () => {
  const base = { done: 17, total: 17, viewerIsContractor: false } as const;
  it("a finished draft waits for the contractor's 提交施工自检", () => {
    expect(zh({ ...base, state: "draft", verdict: "pass" })).toBe(
      "已填完（合格 17/17）：等待施工单位提交施工自检，之后由监理验收签认。",
    );
    expect(zh({ ...base, state: "draft", verdict: "pass", viewerIsContractor: true })).toContain(
      "提交施工自检",
    );
  });
  it("names who acts in every waiting state", () => {
    expect(zh({ ...base, state: "draft", verdict: "incomplete", done: 10 })).toBe(
      "还有 7 项未填写；填完后由施工单位提交施工自检。",
    );
    expect(zh({ ...base, state: "submitted", verdict: "pass" })).toContain("请监理");
    expect(zh({ ...base, state: "rejected", verdict: "fail" })).toContain("施工单位");
    expect(zh({ ...base, state: "accepted", verdict: "pass" })).toContain("无需");
  });
  it("says the same in English", () => {
    expect(say("en", { ...base, state: "draft", verdict: "incomplete", done: 10 })).toBe(
      "7 item(s) still to record; then the contractor submits.",
    );
    expect(say("en", { ...base, state: "submitted", verdict: "pass" })).toContain("supervision");
  });
});
