import { describe, expect, it } from "vitest";
import { illegalStepRefusal } from "./illegal";

describe("违建拆除 steps", () => {
  it("goes one step at a time: 登记 → 已通知 → 限期拆除 → 已拆除", () => {
    expect(
      illegalStepRefusal({ from: "registered", to: "notified", deadline: null, afterPhotos: 0 }),
    ).toBeNull();
    expect(
      illegalStepRefusal({ from: "registered", to: "demolished", deadline: null, afterPhotos: 1 }),
    ).not.toBeNull();
    expect(
      illegalStepRefusal({ from: "demolished", to: "registered", deadline: null, afterPhotos: 1 }),
    ).not.toBeNull();
  });
  it("needs a deadline for 限期拆除 and an after photo for 已拆除", () => {
    expect(
      illegalStepRefusal({ from: "notified", to: "deadline", deadline: null, afterPhotos: 0 }),
    ).toBe("限期拆除须填写拆除期限");
    expect(
      illegalStepRefusal({
        from: "notified",
        to: "deadline",
        deadline: new Date(),
        afterPhotos: 0,
      }),
    ).toBeNull();
    expect(
      illegalStepRefusal({ from: "deadline", to: "demolished", deadline: null, afterPhotos: 0 }),
    ).toBe("确认已拆除前请先上传拆除后照片");
    expect(
      illegalStepRefusal({ from: "deadline", to: "demolished", deadline: null, afterPhotos: 1 }),
    ).toBeNull();
  });
});
