import { describe, expect, it } from "vitest";
import { ROLES } from "~/modules/auth/permissions";
import { type NoticeCandidate, noticeDefectsRefusal, noticeReplyRefusal } from "./notice-rules";
import { DEFECT_STATES } from "./workflow";

const target = { compoundId: "c1", contractorOrgId: "o1" };
const ok: NoticeCandidate = { number: "NH-QX-001", ...target, status: "open", onOpenNotice: false };

describe("which defects go on one notice", () => {
  it("takes unclosed defects of the compound's contractor that no open notice holds", () => {
    expect(noticeDefectsRefusal([ok, { ...ok, status: "submitted" }], target)).toBeNull();
    expect(noticeDefectsRefusal([], target)).toBe("请至少选择一项质量问题");
    expect(noticeDefectsRefusal([{ ...ok, contractorOrgId: "o2" }], target)).toMatch("不属于");
    expect(noticeDefectsRefusal([{ ...ok, compoundId: "c2" }], target)).toMatch("不属于");
    expect(noticeDefectsRefusal([{ ...ok, status: "closed" }], target)).toMatch("已关闭");
    expect(noticeDefectsRefusal([{ ...ok, onOpenNotice: true }], target)).toMatch("待回复");
  });
});

describe("who answers a notice, and when", () => {
  const base = {
    role: "contractor" as const,
    isOwnContractor: true,
    state: "issued" as const,
    defectStates: ["submitted", "closed"] as const,
    replyText: "已全部整改",
  };
  it("the notified contractor, once every defect is replied to or closed", () => {
    expect(noticeReplyRefusal(base)).toBeNull();
    for (const s of DEFECT_STATES) {
      const refusal = noticeReplyRefusal({ ...base, defectStates: ["closed", s] });
      if (s === "open" || s === "in_progress") expect(refusal).toMatch("还有 1 项");
      else expect(refusal).toBeNull();
    }
  });
  it("nobody else, not twice, and not without words", () => {
    for (const role of ROLES.filter((r) => r !== "contractor"))
      expect(noticeReplyRefusal({ ...base, role })).toBe("只有被通知的施工单位可以回复");
    expect(noticeReplyRefusal({ ...base, isOwnContractor: false })).toMatch("只有被通知");
    expect(noticeReplyRefusal({ ...base, state: "replied" })).toBe("该通知单已回复");
    expect(noticeReplyRefusal({ ...base, replyText: "  " })).toBe("请填写回复内容");
  });
});
