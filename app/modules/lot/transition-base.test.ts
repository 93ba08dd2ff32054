import { describe, expect, it } from "vitest";
import { transitionBase } from "./transition-base";

describe("the base of a queued 退回 / 撤销验收", () => {
  const submittedAt = new Date("2026-12-01T02:00:00.123Z");
  it("names the state and when this round reached it, the same from a date or its text", () => {
    const lot = { status: "submitted", submittedAt, acceptedAt: null };
    expect(transitionBase(lot)).toBe("submitted@2026-12-01T02:00:00.123Z");
    expect(transitionBase({ ...lot, submittedAt: submittedAt.toISOString() })).toBe(
      transitionBase(lot),
    );
  });
  it("differs for a later submission or acceptance of the same lot", () => {
    const first = transitionBase({ status: "submitted", submittedAt, acceptedAt: null });
    const again = transitionBase({
      status: "submitted",
      submittedAt: new Date(submittedAt.getTime() + 1),
      acceptedAt: null,
    });
    expect(again).not.toBe(first);
    const accepted = { status: "accepted", submittedAt, acceptedAt: new Date("2026-12-02") };
    expect(transitionBase(accepted)).toBe("accepted@2026-12-02T00:00:00.000Z");
  });
  it("is the bare state where no round applies", () => {
    expect(transitionBase({ status: "draft", submittedAt, acceptedAt: null })).toBe("draft");
  });
});
