import { z } from "~/infra/zod";
import type { AnyT } from "~/modules/acceptance/words";

/** Longest reason for removing a planned lot or a 分项. */
export const REMOVE_REASON_MAX = 500;
/** Longest name of a 分部, 子分部 or 分项, and of its standard. */
export const TREE_NAME_MAX = 60;

/** The plan page's forms: generate, approve, add/remove a place, add/remove a 分项 (one action). */
export function planForms(t: AnyT) {
  const name = (required: boolean) => {
    const s = z.string().trim().max(TREE_NAME_MAX);
    return required
      ? z
          .string({ error: t("plan:errors.fieldRequired") })
          .trim()
          .min(1)
          .max(TREE_NAME_MAX)
      : s.default("");
  };
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
  const addSubItem = z.object({
    intent: z.literal("addSubItem"),
    division: name(true),
    subDivision: name(false),
    name: name(true),
    standard: name(true),
    workTypeCode: z.string({ error: t("plan:errors.workTypeUnknown") }).min(1),
  });
  const removeSubItem = z.object({
    intent: z.literal("removeSubItem"),
    subItemId: z.string().min(1),
    reason: z.string().trim().min(1).max(REMOVE_REASON_MAX),
  });
  const action = z.discriminatedUnion(
    "intent",
    [
      z.object({ intent: z.literal("generate") }),
      z.object({ intent: z.literal("approve") }),
      add,
      remove,
      addSubItem,
      removeSubItem,
    ],
    { error: t("plan:errors.unknownIntent") },
  );
  return { add, remove, addSubItem, removeSubItem, action };
}
