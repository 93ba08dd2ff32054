import { z } from "zod";
import { ROLES } from "~/modules/auth/permissions";

const text = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label}不能超过 ${max} 字`)
    .optional()
    .transform((v) => v?.trim() ?? "");

export const UserFieldsSchema = z.object({
  displayName: text(40, "姓名").refine((v) => v !== "", "请填写姓名"),
  title: text(40, "职务"),
  phone: text(20, "电话").transform((v) => (v === "" ? null : v)),
  role: z.enum(ROLES, { error: "请选择角色" }),
  organizationId: z.string({ error: "请选择单位" }).min(1, "请选择单位"),
});

export const NewUserSchema = UserFieldsSchema.extend({
  username: z.string().trim().toLowerCase(),
  password: z.string().max(200),
});

export const UserIntentSchema = z.discriminatedUnion("intent", [
  UserFieldsSchema.extend({ intent: z.literal("update") }),
  z.object({ intent: z.literal("deactivate") }),
  z.object({ intent: z.literal("activate") }),
  z.object({ intent: z.literal("password"), password: z.string().max(200) }),
]);
