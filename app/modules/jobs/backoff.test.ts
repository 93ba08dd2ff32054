import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./backoff";

describe("retryDelayMs", () => {
  it("doubles from 10 s per attempt and stops at one hour", () => {
    const mid = () => 0.5; // no jitter
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, mid))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(retryDelayMs(30, mid)).toBe(3_600_000);
  });

  it("spreads retries by ±20 % so failed jobs of one moment do not return together", () => {
    expect(retryDelayMs(1, () => 0)).toBe(8_000);
    expect(retryDelayMs(1, () => 1)).toBe(12_000);
  });
});
