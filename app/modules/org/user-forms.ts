import type { TFunction } from "i18next";
import { z } from "~/infra/zod";
import { ROLES } from "~/modules/auth/permissions";
import { MAX_PASSWORD_LENGTH_CHARS } from "./user-rules";

type T = TFunction<"auth">;

// conform sends an empty field as undefined: optional text becomes "" (title) or null (phone).
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v ?? "");

/** Name, title, phone, role and organisation: the fields both user forms share. */
export function userFieldsSchema(t: T) {
  return z.object({
    displayName: z
      .string({ error: t("errors.displayNameRequired") })
      .trim()
      .min(1)
      .max(40),
    title: optionalText(40),
    phone: optionalText(20).transform((v) => (v === "" ? null : v)),
    role: z.enum(ROLES, { error: t("errors.roleRequired") }),
    organizationId: z.string({ error: t("errors.organizationRequired") }).min(1),
  });
}

/** The new-user form. The username's pattern and the password policy are checked by the module. */
export function newUserSchema(t: T) {
  return userFieldsSchema(t).extend({
    username: z.string().trim().toLowerCase().max(32),
    password: z.string().max(MAX_PASSWORD_LENGTH_CHARS),
  });
}

/** The user page's forms, told apart by their submit button's intent. */
export function userIntentSchema(t: T) {
  return z.discriminatedUnion("intent", [
    userFieldsSchema(t).extend({ intent: z.literal("update") }),
    z.object({ intent: z.literal("deactivate") }),
    z.object({ intent: z.literal("activate") }),
    z.object({
      intent: z.literal("password"),
      password: z.string().max(MAX_PASSWORD_LENGTH_CHARS),
    }),
  ]);
}

/** The reset-password form alone (its limits for the browser). */
export function passwordFormSchema() {
  return z.object({
    password: z.string().max(MAX_PASSWORD_LENGTH_CHARS),
  });
}
