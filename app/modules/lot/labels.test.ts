import { describe, expect, it } from "vitest";
import { itemLabelZh } from "./labels";

describe("itemLabelZh", () => {
  it("keeps the text up to the first clause break", () => {
    expect(itemLabelZh("临空处防护栏杆高度：临空高度<24m时不应低于1.05m")).toBe(
      "临空处防护栏杆高度",
    );
    expect(itemLabelZh("楼梯扶手高度（自踏步前缘线量起至扶手顶面）不应小于0.90m。")).toBe(
      "楼梯扶手高度",
    );
  });

  it("shortens a long first clause", () => {
    expect(itemLabelZh("一二三四五六七八九十一二三四五六七八九十一二三四五")).toHaveLength(22);
  });
});
