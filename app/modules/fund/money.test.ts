import { describe, expect, it } from "vitest";
import {
  formatFen,
  formatQuantity,
  lineAmountFen,
  parseQuantity,
  parseYuan,
  retentionFen,
  sumFen,
} from "./money";

describe("quantities in thousandths", () => {
  it("parses up to three decimals exactly", () => {
    expect(parseQuantity("12.5")).toBe(12_500);
    expect(parseQuantity("0.001")).toBe(1);
    expect(parseQuantity(" 714 ")).toBe(714_000);
  });
  it("refuses negatives, a fourth decimal, exponents and words", () => {
    for (const bad of ["-1", "1.0001", "1e3", "abc", "", "1.", ".5"])
      expect(parseQuantity(bad)).toBeNull();
  });
  it("formats without trailing zeros", () => {
    expect(formatQuantity(12_500)).toBe("12.5");
    expect(formatQuantity(714_000)).toBe("714");
    expect(formatQuantity(1)).toBe("0.001");
  });
});

describe("money in fen", () => {
  it("parses 元 with at most two decimals", () => {
    expect(parseYuan("54100000")).toBe(5_410_000_000n);
    expect(parseYuan("1,850.5")).toBe(185_050n);
    expect(parseYuan("0.015")).toBeNull();
  });
  it("formats with separators and sign", () => {
    expect(formatFen(5_410_000_000n)).toBe("54,100,000.00");
    expect(formatFen(-185_005n)).toBe("-1,850.05");
  });
  it("rounds a line half-up to the fen: 0.333 m × ¥0.05 = ¥0.01665 → ¥0.02", () => {
    expect(lineAmountFen(333, 5n)).toBe(2n);
    expect(lineAmountFen(12_500, 185_000n)).toBe(2_312_500n);
  });
  it("withholds 3% retention half-up", () => {
    expect(retentionFen(2_312_500n, 300)).toBe(69_375n);
    expect(retentionFen(50n, 300)).toBe(2n); // 1.5 fen → 2
  });
  it("keeps sums beyond 2^53 exact, where floats would not", () => {
    const big = 9_007_199_254_740_993n; // 2^53 + 1
    expect(sumFen([big, 1n])).toBe(9_007_199_254_740_994n);
    expect(Number(big) + 1).not.toBe(9_007_199_254_740_994);
  });
});
