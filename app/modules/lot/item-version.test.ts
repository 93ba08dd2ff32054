import { describe, expect, it } from "vitest";
import { fixedT } from "~/modules/i18n/i18n.server";
import { changedFields, decideItemVersion, itemChangedMessage } from "./item-version";
import { say } from "./messages";

const stored = { result: "pass", note: "东侧", designValue: null, points: [{ value: 3 }] };

describe("an item's version decides whether a write based on it applies (decision 0028)", () => {
  it("applies a write based on the current version, or one that names no version", () => {
    const next = { ...stored, result: "fail" };
    expect(decideItemVersion(4, 4, stored, next)).toEqual({ kind: "apply" });
    expect(decideItemVersion(null, 4, stored, next)).toEqual({ kind: "apply" });
  });

  it("changes nothing when the item already reads as the write would make it", () => {
    expect(decideItemVersion(2, 4, stored, { ...stored, points: [{ value: 3 }] })).toEqual({
      kind: "unchanged",
    });
  });

  it("refuses a write on a version that moved on, naming each part that differs", () => {
    const next = { ...stored, note: "西侧", points: [{ value: 3 }, { value: 5 }] };
    expect(decideItemVersion(2, 4, stored, next)).toEqual({
      kind: "conflict",
      fields: ["note", "points"],
    });
    expect(changedFields(stored, { ...stored, designValue: 12 })).toEqual(["designValue"]);
  });

  it("words the refusal with the item, the person and the first difference", () => {
    expect(itemChangedMessage("主控 1", "王监理", ["note", "points"])).toEqual({
      key: "lot:commands.itemChangedSeveral",
      params: { item: "主控 1", name: "王监理", what: "note", count: 2 },
    });
    expect(itemChangedMessage("主控 1", "王监理", ["note"]).key).toBe("lot:commands.itemChanged");
    expect(itemChangedMessage("一般 2", null, ["result"]).key).toBe(
      "lot:commands.itemChangedUnknown",
    );
  });

  it("reads in the reader's language, the part that changed named in words", () => {
    const message = itemChangedMessage("SR-M5", "王振华", ["note", "points"]);
    expect(say(fixedT("zh-CN"), message)).toBe(
      "SR-M5 的备注等 2 处已被 王振华 改过，你的这次修改未保存：请核对现值后重新录入",
    );
    expect(say(fixedT("en"), itemChangedMessage("SR-M5", "Wang", ["result"]))).toBe(
      "Wang has changed the SR-M5 result since you opened it; your change was not saved: check the current value and record it again",
    );
  });
});
