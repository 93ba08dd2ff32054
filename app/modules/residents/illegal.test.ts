import { describe, expect, it } from "vitest";
import { fixedT } from "~/modules/i18n/i18n.server";
import { illegalStepRefusal } from "./illegal";

const zh = fixedT("zh-CN");
const en = fixedT("en");

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
      illegalStepRefusal({
        from: "notified",
        to: "deadline",
        deadline: null,
        afterPhotos: 0,
      })?.text(zh),
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
      illegalStepRefusal({
        from: "deadline",
        to: "demolished",
        deadline: null,
        afterPhotos: 0,
      })?.text(zh),
    ).toBe("确认已拆除前请先上传拆除后照片");
    expect(
      illegalStepRefusal({ from: "deadline", to: "demolished", deadline: null, afterPhotos: 1 }),
    ).toBeNull();
  });
  it("names the states in the reader's language", () => {
    const refusal = illegalStepRefusal({
      from: "registered",
      to: "demolished",
      deadline: null,
      afterPhotos: 1,
    });
    expect(refusal?.text(zh)).toBe("已登记的违建只能进入下一步：已通知");
    expect(refusal?.text(en)).toBe(
      "A structure that is “Registered” can only move on to: Notified",
    );
  });
});
