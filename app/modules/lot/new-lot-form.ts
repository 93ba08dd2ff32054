import type { TFunction } from "i18next";
import { z } from "~/infra/zod";
import { parseCalendarDay } from "~/infra/zod-fields";

/** Where a new lot is: the work type and the place it inspects (the new-lot page's query). */
export const NewLotQuery = z.object({
  workType: z.string().min(1),
  placeKind: z.enum(["stairwell", "building", "zone"]),
  placeId: z.string().min(1),
});

/**
 * The new-lot form, in the browser and in the action: the contractor (for supervision and the
 * owner), the lot's capacity and unit, the planned dates. Messages in the language of `t`.
 */
export function newLotSchema(t: TFunction) {
  const optionalDate = z
    .string()
    .optional()
    .transform((v) => (v ? (parseCalendarDay(v) ?? new Date(Number.NaN)) : null))
    .refine(
      (d) => d === null || !Number.isNaN(d.getTime()),
      t("errors.dateInvalid", { ns: "lot" }),
    );
  return NewLotQuery.extend({
    contractorOrgId: z.string().optional(),
    capacity: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? (/^\d+$/.test(v.trim()) ? Number(v) : Number.NaN) : null))
      .refine(
        (n) => n === null || (Number.isInteger(n) && n > 0 && n <= 100_000),
        t("errors.capacityInteger", { ns: "lot" }),
      ),
    capacityUnit: z
      .string()
      .max(10, t("errors.unitTooLong", { ns: "lot" }))
      .optional()
      .transform((v) => v?.trim() || null),
    plannedStart: optionalDate,
    plannedEnd: optionalDate,
  });
}
