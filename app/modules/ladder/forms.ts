import { z } from "~/infra/zod";
import type { AnyT } from "~/modules/acceptance/words";

export const SELF_CHECK_MAX = 1000;
export const TEXT_MAX = 4000;
export const LADDER_INTENTS = ["report", "preaccept", "file", "facts"] as const;
export type LadderIntent = (typeof LADDER_INTENTS)[number];
export const isLadderIntent = (v: unknown): v is LadderIntent =>
  (LADDER_INTENTS as readonly unknown[]).includes(v);

/** The ladder's forms on the acceptance page, one schema each (browser and action alike). */
export function ladderForms(t: AnyT) {
  const signed = {
    password: z.string({ error: t("acceptance:sign.passwordRequired") }).min(1),
    signature: z.string().optional(),
  };
  const report = z.object({
    intent: z.literal("report"),
    selfCheck: z.string().trim().min(1).max(SELF_CHECK_MAX),
    report: z.string().trim().min(1).max(TEXT_MAX),
    ...signed,
  });
  const preaccept = z.object({
    intent: z.literal("preaccept"),
    problems: z.string().max(TEXT_MAX).optional(),
    defectIds: z.array(z.string().max(40)).max(200).optional(),
    assessment: z.string().trim().min(1).max(TEXT_MAX),
    conclusion: z.enum(["pass", "fail"], { error: t("acceptance:open.conclusionRequired") }),
    ...signed,
  });
  const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, t("ladder:errors.date"));
  const file = z.object({
    intent: z.literal("file"),
    number: z.string().trim().min(1).max(60),
    filedOn: isoDay,
  });
  const facts = z.object({
    intent: z.literal("facts"),
    structureType: z.string().trim().max(60).optional(),
    storeys: z.string().trim().max(60).optional(),
    floorArea: z.coerce.number().positive().max(10_000_000).optional(),
    startedOn: isoDay.optional(),
    finishedOn: isoDay.optional(),
  });
  const action = z.discriminatedUnion("intent", [report, preaccept, file, facts], {
    error: t("ladder:errors.unknownIntent"),
  });
  return { report, preaccept, file, facts, action };
}
