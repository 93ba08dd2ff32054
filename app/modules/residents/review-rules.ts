/**
 * 评议 and 满意度 on the public page: household codes, input limits, rate-limit windows. Pure.
 * A code is handed out on paper by the community (one per household); only its SHA-256 is kept,
 * so the database alone does not give the codes away.
 */
import { z } from "zod";

/** No 0/O, 1/I/L: read off paper and typed on a phone. 31^10 ≈ 8×10^14 codes. */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CODE_LENGTH = 10;

/** What a resident types, as stored: upper case, without spaces or dashes. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

export const REVIEW_TOPICS = { plan: "改造方案评议", work: "完工满意度评价" } as const;
export type ReviewTopic = keyof typeof REVIEW_TOPICS;

export const OPINION_MAX = 300;

export const PublicReviewSchema = z.object({
  topic: z.enum(["plan", "work"], { error: "请选择评议内容" }),
  code: z
    .string()
    .trim()
    .min(1, "请填写社区发放的评议码")
    .max(20, "评议码不正确")
    .refine((v) => new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`).test(normaliseCode(v)), {
      message: "评议码不正确",
    }),
  rating: z.coerce.number({ error: "请选择评价" }).int().min(0).max(5),
  opinion: z.string().trim().max(OPINION_MAX, `意见不超过 ${OPINION_MAX} 字`).default(""),
  /** Honeypot: hidden from people, filled by form-filling robots. */
  website: z.string().max(200).default(""),
});

/** plan: 1 同意 / 0 不同意; work: 1–5 满意度. */
export function ratingRefusal(topic: ReviewTopic, rating: number): string | null {
  if (topic === "plan") return rating === 0 || rating === 1 ? null : "请选择同意或不同意";
  return rating >= 1 && rating <= 5 ? null : "请选择 1 到 5 分的满意度";
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

export const RATING_LABELS_ZH = (topic: ReviewTopic, rating: number) =>
  topic === "plan"
    ? rating === 1
      ? "同意"
      : "不同意"
    : (["", "很不满意", "不满意", "一般", "满意", "很满意"][rating] ?? String(rating));
