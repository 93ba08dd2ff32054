/**
 * 评议 and 满意度 on the public page: household codes, input limits, rate-limit windows. Pure.
 * A code is handed out on paper by the community (one per household); only its SHA-256 is kept,
 * so the database alone does not give the codes away.
 */

import { DomainError } from "~/infra/domain-error";
import { z } from "~/infra/zod";
import type { ResidentsT } from "./i18n";

/** No 0/O, 1/I/L: read off paper and typed on a phone. 31^10 ≈ 8×10^14 codes. */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CODE_LENGTH = 10;

/** What a resident types, as stored: upper case, without spaces or dashes. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

/** plan: 改造方案评议; work: 完工满意度评价 (residents:publicReview.topic.*). */
export const REVIEW_TOPICS = ["plan", "work"] as const;
export type ReviewTopic = (typeof REVIEW_TOPICS)[number];

export const OPINION_MAX = 300;

/** The public review form; messages in the reader's language, the same in browser and server. */
export function publicReviewSchema(t: ResidentsT) {
  return z.object({
    topic: z.enum(REVIEW_TOPICS, { error: t("publicReview.validation.topic") }),
    code: z
      .string({ error: t("publicReview.validation.codeRequired") })
      .trim()
      .min(1, t("publicReview.validation.codeRequired"))
      .max(20, t("publicReview.validation.codeWrong"))
      .refine((v) => new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`).test(normaliseCode(v)), {
        message: t("publicReview.validation.codeWrong"),
      }),
    rating: z.coerce
      .number({ error: t("publicReview.validation.rating") })
      .int()
      .min(0)
      .max(5),
    opinion: z
      .string()
      .trim()
      .max(OPINION_MAX, t("publicReview.validation.opinionTooLong", { max: OPINION_MAX }))
      .default(""),
    /** Honeypot: hidden from people, filled by form-filling robots. */
    website: z.string().max(200).default(""),
  });
}

/** plan: 1 同意 / 0 不同意; work: 1–5 满意度. */
export function ratingRefusal(topic: ReviewTopic, rating: number): DomainError | null {
  if (topic === "plan")
    return rating === 0 || rating === 1
      ? null
      : new DomainError("residents:errors.choosePlanRating", { status: 400, field: "rating" });
  return rating >= 1 && rating <= 5
    ? null
    : new DomainError("residents:errors.chooseWorkRating", { status: 400, field: "rating" });
}

export const RATE_LIMITS = {
  /** submissions per client address */
  address: { max: 20, windowMs: 60 * 60 * 1000 },
  /** attempts per code (right or wrong) */
  code: { max: 5, windowMs: 60 * 60 * 1000 },
} as const;

/** The window after one more hit: a fresh window when the old one has passed. */
export function nextWindow(
  current: { windowStart: Date; count: number } | null,
  now: Date,
  windowMs: number,
): { windowStart: Date; count: number } {
  if (!current || now.getTime() - current.windowStart.getTime() >= windowMs)
    return { windowStart: now, count: 1 };
  return { windowStart: current.windowStart, count: current.count + 1 };
}

export type RatingKey = "agree" | "disagree" | "work.1" | "work.2" | "work.3" | "work.4" | "work.5";

/** What a rating means (residents:rating.*): 同意/不同意, or 很不满意 … 很满意. */
export function ratingKey(topic: ReviewTopic, rating: number): RatingKey {
  if (topic === "plan") return rating === 1 ? "agree" : "disagree";
  const r = Math.min(5, Math.max(1, Math.round(rating)));
  return `work.${r}` as RatingKey;
}
