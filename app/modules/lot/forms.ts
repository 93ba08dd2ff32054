import type { TFunction } from "i18next";
import { z } from "~/infra/zod";

/** A measured value's sane bounds: beyond them a value is a typing or encoding error. */
const MEASURED = 1e9;
const measured = () => z.number().finite().min(-MEASURED).max(MEASURED);

/** One item's record as the tablet sends it (autosave); a JSON string inside the form. */
export const EntrySchema = z.object({
  itemId: z.string().min(1),
  result: z.enum(["pass", "fail", "na"]).nullable(),
  note: z
    .string()
    .max(2000)
    .nullable()
    .transform((v) => (v?.trim() ? v.trim() : null)),
  designValue: measured().nullable(),
  points: z
    .array(
      z.object({
        value: measured(),
        serious: z.boolean().default(false),
        /** As typed ("1.10"), to keep its precision; must read as the value. */
        text: z.string().max(32).nullable().default(null),
        /** This point's design value, for deviation items. */
        design: measured().nullable().default(null),
        /** Values this point had before corrections, oldest first (kept, struck through). */
        was: z
          .array(
            z.object({
              value: measured(),
              text: z.string().max(32).nullable().default(null),
              design: measured().nullable().default(null),
            }),
          )
          .max(50)
          .optional(),
        /** Withdrawn by a correction: kept on record, not judged. */
        removed: z.boolean().optional(),
      }),
    )
    .max(500),
});

/** The lot's quantities (检验批容量 by what sample plans count) and place attributes. */
export const PlaceDataSchema = z.object({
  quantities: z.record(z.string(), z.number().nonnegative().max(1e7).nullable()),
  attributes: z.record(z.string(), z.union([z.number().finite(), z.string().max(40)]).nullable()),
});

export const RecordsSchema = z.object({
  recordsComplete: z
    .enum(["on", "off"])
    .default("off")
    .transform((v) => v === "on"),
  selfCheckNote: z
    .string()
    .max(2000)
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : null)),
});

/**
 * 施工自检 / 验收签认: signed with the password and a drawn signature (decision 0016). Limits
 * come from here (the form reads them); messages other than zod's own are the catalogue's.
 */
export function lotSignSchema(t: TFunction) {
  return z.object({
    intent: z.enum(["submit", "accept"]),
    conclusion: z.string().max(500).default(""),
    foreman: z.string().max(40).optional(),
    password: z.string().min(1, { error: t("errors.passwordRequired", { ns: "lot" }) }),
    signature: z.string().default(""),
    confirm: z.literal("on", { error: t("errors.confirmRequired", { ns: "lot" }) }).optional(),
  });
}

export const TransitionSchema = z.object({
  intent: z.enum(["reject", "reopen"]),
  reason: z
    .string()
    .max(2000)
    .optional()
    .transform((v) => v?.trim() ?? null),
});

export { parseDecimal } from "./decimal";
