import { describe, expect, it } from "vitest";
import { findJumpTarget, nextUnfilled } from "./jump";

const items = [
  { id: "a", code: "SR-M1", kind: "main" as const, seq: 1 },
  { id: "b", code: "SR-M7", kind: "main" as const, seq: 7 },
  { id: "c", code: "SR-G1", kind: "general" as const, seq: 1 },
  { id: "d", code: "SR-G3", kind: "general" as const, seq: 3 },
];

describe("findJumpTarget", () => {
  it("reads a bare number as the 主控项目 of that number", () => {
    expect(findJumpTarget(items, "7")?.code).toBe("SR-M7");
    expect(findJumpTarget(items, " 1 ")?.code).toBe("SR-M1");
  });
  it("falls back to the 一般项目 when no 主控项目 has that number", () => {
    expect(findJumpTarget(items, "3")?.code).toBe("SR-G3");
  });
  it("reads M/G and 主控/一般 prefixes and full codes", () => {
    expect(findJumpTarget(items, "g1")?.code).toBe("SR-G1");
    expect(findJumpTarget(items, "一般3")?.code).toBe("SR-G3");
    expect(findJumpTarget(items, "主控7")?.code).toBe("SR-M7");
    expect(findJumpTarget(items, "sr-m7")?.code).toBe("SR-M7");
  });
  it("finds nothing for unknown numbers or words", () => {
    expect(findJumpTarget(items, "M3")).toBeNull();
    expect(findJumpTarget(items, "99")).toBeNull();
    expect(findJumpTarget(items, "栏杆")).toBeNull();
    expect(findJumpTarget(items, "")).toBeNull();
  });
});

describe("nextUnfilled", () => {
  const incomplete = new Set(["b", "d"]);
  it("gives the first unfilled item, or the next one after the current, wrapping", () => {
    expect(nextUnfilled(items, incomplete)?.id).toBe("b");
    expect(nextUnfilled(items, incomplete, "b")?.id).toBe("d");
    expect(nextUnfilled(items, incomplete, "d")?.id).toBe("b");
    expect(nextUnfilled(items, new Set())).toBeNull();
  });
});
