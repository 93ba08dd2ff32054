import { describe, expect, it } from "vitest";
import { ROLES } from "~/modules/auth/permissions";
import { type NoticeCandidate, noticeDefectsRefusal, noticeReplyRefusal } from "./notice-rules";
import { DEFECT_STATES } from "./workflow";

const target = { compoundId: "c1", contractorOrgId: "o1" };
const ok: NoticeCandidate = { number: "NH-QX-001", ...target, status: "open", onOpenNotice: false };

describe("which defects go on one notice", () => {
  it("takes unclosed defects of the compound's contractor that no open notice holds", () => {
    expect(noticeDefectsRefusal([ok, { ...ok, status: "submitted" }], target)).toBeNull();
    const m = (r: { message: string } | null) => r?.message;
    expect(m(noticeDefectsRefusal([], target))).toBe("defect:errors.notice.noneChosen");
    expect(m(noticeDefectsRefusal([{ ...ok, contractorOrgId: "o2" }], target))).toBe(
      "defect:errors.notice.otherTarget",
    );
    expect(noticeDefectsRefusal([{ ...ok, compoundId: "c2" }], target)).toEqual({
      message: "defect:errors.notice.otherTarget",
      params: { number: "NH-QX-001" },
    });
    expect(m(noticeDefectsRefusal([{ ...ok, status: "closed" }], target))).toBe(
      "defect:errors.notice.closed",
    );
    expect(m(noticeDefectsRefusal([{ ...ok, onOpenNotice: true }], target))).toBe(
      "defect:errors.notice.onOpenNotice",
    );
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
      if (s === "open" || s === "in_progress")
        expect(refusal).toEqual({ message: "defect:errors.notice.pending", params: { count: 1 } });
      else expect(refusal).toBeNull();
    }
  });
  it("nobody else, not twice, and not without words", () => {
    for (const role of ROLES.filter((r) => r !== "contractor"))
      expect(noticeReplyRefusal({ ...base, role })?.message).toBe(
        "defect:errors.notice.replierOnly",
      );
    expect(noticeReplyRefusal({ ...base, isOwnContractor: false })?.message).toBe(
      "defect:errors.notice.replierOnly",
    );
    expect(noticeReplyRefusal({ ...base, state: "replied" })?.message).toBe(
      "defect:errors.notice.alreadyReplied",
    );
    expect(noticeReplyRefusal({ ...base, replyText: "  " })?.message).toBe(
      "defect:errors.notice.replyRequired",
    );
  });
});
