import { z } from "zod";
import { HouseholdFieldsSchema } from "./survey";

export const PageSchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });

export const AddHouseholdSchema = HouseholdFieldsSchema.safeExtend({
  stairwellId: z.string().min(1, "请选择单元").max(40),
});

const day = (label: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `请填写${label}`)
    .transform((v) => new Date(`${v}T00:00:00+08:00`));

export const PlanSchema = z.object({
  worksText: z.string().trim().min(1, "请填写改造内容").max(2000, "改造内容不超过 2000 字"),
  budgetWan: z.coerce.number({ error: "请填写投资估算" }).positive("投资估算须大于 0").max(100_000),
  startsOn: day("开工日期"),
  endsOn: day("完工日期"),
  publish: z.literal("on").optional(),
});

export const ModerateSchema = z.object({
  reviewId: z.string().min(1).max(40),
  to: z.enum(["published", "hidden"]),
});

const optionalId = z
  .string()
  .max(40)
  .optional()
  .transform((v) => v || null);

export const WarrantyReportSchema = z.object({
  buildingId: optionalId,
  placeLabel: z.string().trim().max(60, "部位不超过 60 字").default(""),
  workTypeCode: z
    .string()
    .max(60)
    .optional()
    .transform((v) => v || null),
  title: z.string().trim().min(1, "请填写问题").max(60, "问题不超过 60 字"),
  description: z.string().trim().max(500, "说明不超过 500 字").default(""),
});

export const WarrantyActionSchema = z.object({
  action: z.enum(["acknowledge", "reply", "close", "return"]),
  comment: z.string().trim().max(500).optional(),
});

export const IllegalRegisterSchema = z.object({
  placeLabel: z.string().trim().min(1, "请填写位置").max(60, "位置不超过 60 字"),
  description: z.string().trim().min(1, "请填写违建情况").max(500, "情况不超过 500 字"),
  areaM2: z
    .string()
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .refine((v) => v === null || (Number.isFinite(v) && v > 0 && v < 100_000), "面积须为正数"),
});

export const IllegalStepSchema = z.object({
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
