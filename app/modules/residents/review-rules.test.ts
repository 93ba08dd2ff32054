import { describe, expect, it } from "vitest";
import { residentsTFor } from "./i18n.server";
import { hashCode, newHouseholdCode } from "./review-codes.server";
import {
  CODE_ALPHABET,
  nextWindow,
  normaliseCode,
  publicReviewSchema,
  ratingRefusal,
} from "./review-rules";

describe("household codes", () => {
  it("are 10 characters of the unambiguous alphabet, grouped 5-5, and differ", () => {
    const codes = new Set(Array.from({ length: 200 }, newHouseholdCode));
    expect(codes.size).toBe(200);
    for (const c of codes)
      expect(c).toMatch(new RegExp(`^[${CODE_ALPHABET}]{5}-[${CODE_ALPHABET}]{5}$`));
  });
  it("hash the same whatever case, spaces or dashes the resident types", () => {
    expect(normaliseCode(" abcde-fghjk ")).toBe("ABCDEFGHJK");
    expect(hashCode("abcde fghjk")).toBe(hashCode("ABCDE-FGHJK"));
    expect(hashCode("ABCDE-FGHJK")).not.toContain("ABCDE");
  });
});

describe("public review form", () => {
  const base = { topic: "plan", code: "ABCDE-FGHJK", rating: "1", opinion: "", website: "" };
  const PublicReviewSchema = publicReviewSchema(residentsTFor("zh-CN").t);
  it("refuses a code of the wrong shape and overlong opinions", () => {
    expect(PublicReviewSchema.safeParse({ ...base, code: "ABC" }).success).toBe(false);
    expect(PublicReviewSchema.safeParse({ ...base, code: "ABCDE-FGHJ0" }).success).toBe(false);
    expect(PublicReviewSchema.safeParse({ ...base, opinion: "很".repeat(301) }).success).toBe(
      false,
    );
    expect(PublicReviewSchema.safeParse(base).success).toBe(true);
  });
  it("says what is wrong in the reader's language", () => {
    const wrong = { ...base, code: "ABC" };
    expect(PublicReviewSchema.safeParse(wrong).error?.issues[0]?.message).toBe("评议码不正确");
    expect(
      publicReviewSchema(residentsTFor("en").t).safeParse(wrong).error?.issues[0]?.message,
    ).toBe("The review code is not correct");
  });
  it("takes 同意/不同意 on the plan and 1–5 on the finished work", () => {
    expect(ratingRefusal("plan", 1)).toBeNull();
    expect(ratingRefusal("plan", 3)).not.toBeNull();
    expect(ratingRefusal("work", 5)).toBeNull();
    expect(ratingRefusal("work", 0)).not.toBeNull();
  });
});

describe("rate-limit window", () => {
  it("counts within the window and starts afresh after it", () => {
    const t0 = new Date("2026-11-29T10:00:00Z");
    const w1 = nextWindow(null, t0, 60_000);
    expect(w1.count).toBe(1);
    const w2 = nextWindow(w1, new Date(t0.getTime() + 59_999), 60_000);
    expect(w2).toEqual({ windowStart: t0, count: 2 });
    expect(nextWindow(w2, new Date(t0.getTime() + 60_000), 60_000).count).toBe(1);
  });
});
