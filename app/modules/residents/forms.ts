import { z } from "~/infra/zod";
import type { ResidentsT } from "./i18n";
import { householdFieldsSchema } from "./survey";

/**
 * The residents' forms, one schema each, used by the page (useSchemaForm) and the action
 * (parseSubmission); messages in the reader's language.
 */
export const PageSchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });

export const addHouseholdSchema = (t: ResidentsT) =>
  householdFieldsSchema(t).safeExtend({
    intent: z.literal("add"),
    stairwellId: z
      .string({ error: t("survey.validation.chooseStairwell") })
      .min(1, t("survey.validation.chooseStairwell"))
      .max(40),
  });

export const importSurveySchema = (t: ResidentsT) =>
  z.object({
    intent: z.literal("import"),
    file: z.instanceof(File, { error: t("survey.chooseFile") }),
  });

const day = (message: string) =>
  z
    .string({ error: message })
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .transform((v) => new Date(`${v}T00:00:00+08:00`));

export const planSchema = (t: ResidentsT) =>
  z.object({
    intent: z.literal("plan"),
    worksText: z
      .string({ error: t("reviews.validation.worksRequired") })
      .trim()
      .min(1, t("reviews.validation.worksRequired"))
      .max(2000, t("reviews.validation.worksTooLong")),
    budgetWan: z.coerce
      .number({ error: t("reviews.validation.budgetRequired") })
      .positive(t("reviews.validation.budgetPositive"))
      .max(100_000),
    startsOn: day(t("reviews.validation.startsOn")),
    endsOn: day(t("reviews.validation.endsOn")),
    publish: z.literal("on").optional(),
  });

export const moderateSchema = z.object({
  intent: z.literal("moderate"),
  reviewId: z.string().min(1).max(40),
  to: z.enum(["published", "hidden"]),
});

const optionalId = z
  .string()
  .max(40)
  .optional()
  .transform((v) => v || null);

export const warrantyReportSchema = (t: ResidentsT) =>
  z.object({
    buildingId: optionalId,
    placeLabel: z.string().trim().max(60, t("warranty.validation.placeTooLong")).default(""),
    workTypeCode: z
      .string()
      .max(60)
      .optional()
      .transform((v) => v || null),
    title: z
      .string({ error: t("warranty.validation.titleRequired") })
      .trim()
      .min(1, t("warranty.validation.titleRequired"))
      .max(60, t("warranty.validation.titleTooLong")),
    description: z
      .string()
      .trim()
      .max(500, t("warranty.validation.descriptionTooLong"))
      .default(""),
  });

export const warrantyActionSchema = z.object({
  action: z.enum(["acknowledge", "reply", "close", "return"]),
  comment: z.string().trim().max(500).optional(),
});
export type WarrantyStep = z.output<typeof warrantyActionSchema>["action"];

export const illegalRegisterSchema = (t: ResidentsT) =>
  z.object({
    placeLabel: z
      .string({ error: t("illegal.validation.placeRequired") })
      .trim()
      .min(1, t("illegal.validation.placeRequired"))
      .max(60, t("illegal.validation.placeTooLong")),
    description: z
      .string({ error: t("illegal.validation.descriptionRequired") })
      .trim()
      .min(1, t("illegal.validation.descriptionRequired"))
      .max(500, t("illegal.validation.descriptionTooLong")),
    areaM2: z.coerce
      .number({ error: t("illegal.validation.area") })
      .positive(t("illegal.validation.area"))
      .max(99_999, t("illegal.validation.area"))
      .optional()
      .transform((v) => v ?? null),
  });

export const illegalStepSchema = z.object({
  id: z.string().min(1).max(40),
  to: z.enum(["notified", "deadline", "demolished"]),
  deadline: z
    .string()
    .optional()
    .transform((v) =>
      v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00+08:00`) : null,
    ),
  comment: z.string().trim().max(300).optional(),
});
