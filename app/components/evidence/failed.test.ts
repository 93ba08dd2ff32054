import { describe, expect, it } from "vitest";
import { type Last, lastFor, unclaimedMessages } from "./failed";

/** A refusal is never silent: shown in its own form, or by the page when that form is gone. */
describe("evidence page refusals", () => {
  const refusal = (initialValue: Record<string, string>, message: string): Last => ({
    status: "error",
    initialValue,
    error: { "": [message] },
  });
  const page = (status: string) => ({
    canReview: true,
    canUpload: true,
    canTest: true,
    divisions: [
      {
        division: "建筑电气",
        documents: [{ id: "d1", status }],
        testForms: [{ code: "insulation", places: [{}] }],
      },
    ],
  });

  it("leaves a refusal to the form that is still shown", () => {
    const failed = refusal({ intent: "check", documentId: "d1" }, "资料已被核查");
    expect(lastFor(failed, { intent: "check", documentId: "d1" })).toBe(failed);
    expect(unclaimedMessages(failed, page("submitted"))).toEqual([]);
    const upload = refusal({ intent: "upload", division: "建筑电气" }, "文件不是 PDF 或照片");
    expect(unclaimedMessages(upload, page("submitted"))).toEqual([]);
  });

  it("shows on the page a refusal whose form is gone (reviewed meanwhile, 分部 or right gone)", () => {
    const check = refusal({ intent: "check", documentId: "d1" }, "资料已被核查");
    expect(unclaimedMessages(check, page("checked"))).toEqual(["资料已被核查"]);
    const upload = refusal({ intent: "upload", division: "室外环境" }, "检验批划分方案未批准");
    expect(unclaimedMessages(upload, page("submitted"))).toEqual(["检验批划分方案未批准"]);
    const test = refusal({ intent: "test", division: "建筑电气", code: "insulation" }, "无权");
    expect(unclaimedMessages(test, { ...page("submitted"), canTest: false })).toEqual(["无权"]);
    expect(unclaimedMessages(undefined, page("submitted"))).toEqual([]);
  });
});
