import { z } from "zod";
import { HouseholdFieldsSchema } from "./survey";

export const PageSchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });

export const AddHouseholdSchema = HouseholdFieldsSchema.safeExtend({
  stairwellId: z.string().min(1, "请选择单元").max(40),
});
