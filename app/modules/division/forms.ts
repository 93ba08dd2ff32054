import { z } from "~/infra/zod";
import type { AnyT } from "~/modules/acceptance/words";
import { RATINGS } from "./rules";

/** Longest signed conclusion (the record's conclusion boxes). */
export const CONCLUSION_MAX = 500;

/** The record pages' forms: sign (both records) and the 总监's 观感 rating (分部 only). */
export function divisionForms(t: AnyT) {
  const sign = z.object({
    intent: z.literal("sign"),
    conclusion: z
      .string({ error: t("division:errors.conclusionRequired") })
      .trim()
      .min(1, t("division:errors.conclusionRequired"))
      .max(CONCLUSION_MAX),
    signature: z.string().optional(),
    password: z.string({ error: t("division:errors.passwordRequired") }).min(1),
    confirm: z.literal("on", { error: t("division:errors.confirmRequired") }),
  });
  const rating = z.enum(RATINGS, { error: t("division:errors.ratingInvalid") });
  const rate = z.object({
    intent: z.literal("rate"),
    points: z.record(z.string(), rating, { error: t("division:errors.ratingInvalid") }),
    conclusion: rating,
  });
  return { sign, rate, action: z.discriminatedUnion("intent", [sign, rate]) };
}
