import { z } from "~/infra/zod";
import type { AnyT } from "~/modules/acceptance/words";

/** Longest reason for removing a planned lot. */
export const REMOVE_REASON_MAX = 500;

/** The plan page's forms: generate, approve, add a place, remove a planned lot (one action). */
export function planForms(t: AnyT) {
  const add = z.object({
    intent: z.literal("add"),
    subItemId: z.string({ error: t("plan:errors.chooseSubItem") }).min(1),
    place: z.string({ error: t("plan:errors.choosePlace") }).min(1),
  });
  const remove = z.object({
    intent: z.literal("remove"),
    plannedLotId: z.string().min(1),
    reason: z.string().trim().min(1).max(REMOVE_REASON_MAX),
  });
  const action = z.discriminatedUnion(
    "intent",
    [
      z.object({ intent: z.literal("generate") }),
      z.object({ intent: z.literal("approve") }),
      add,
      remove,
    ],
    { error: t("plan:errors.unknownIntent") },
  );
  return { add, remove, action };
}
