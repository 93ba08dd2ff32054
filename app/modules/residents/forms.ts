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
