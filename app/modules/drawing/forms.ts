import type { TFunction } from "i18next";
import { z } from "~/infra/zod";
import { decimalInt, decimalNumber } from "~/infra/zod-fields";
import { parseDueOn } from "~/modules/defect/workflow";

/** An optional text field, trimmed ("" when left empty). */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .optional()
    .transform((v) => v?.trim() ?? "");

/**
 * The upload form's fields (the file itself is streamed separately). One schema for the browser
 * and the server; its limits become the inputs' required/maxLength/min/max.
 */
export function uploadFieldsSchema(t: TFunction) {
  return z.object({
    discipline: z
      .string()
      .max(20)
      .transform((v) => v.trim())
      .refine((v) => v !== "", t("validation.required")),
    numberPrefix: text(30),
    startNumber: decimalInt(t("errors.startNumber", { ns: "drawing" }))
      .pipe(z.number().min(0).max(999))
      .optional()
      .transform((v) => v ?? 1),
    pageLines: text(12000).transform((v) => v.split(/\r?\n/)),
    defaultTitle: text(100),
    revision: z
      .string()
      .max(2)
      .regex(/^[A-Za-z]{1,2}$/, t("errors.badRevision", { ns: "drawing" }))
      .optional()
      .transform((v) => (v ? v.toUpperCase() : null)),
    issuedOn: z.string().transform((v, ctx) => {
      const d = parseDueOn(v);
      if (!d) ctx.addIssue({ code: "custom", message: t("errors.issuedOn", { ns: "drawing" }) });
      return d ?? new Date(0);
    }),
    workTypeId: text(40).transform((v) => (v === "" ? null : v)),
    /** The supersessions the user confirmed (the preview's token), absent on the first submit. */
    confirm: text(4000).transform((v) => (v === "" ? null : v)),
  });
}

export const LotDrawingSchema = z.object({
  intent: z.enum(["drawing-add", "drawing-remove", "drawing-ack"]),
  revisionId: z.string().min(1),
});

/** Pinning an existing defect at a point of the sheet (0–1 of its width and height): the sheet page's form. */
export function pinExistingSchema(t: TFunction) {
  const outside = t("errors.pinOutside", { ns: "drawing" });
  return z.object({
    defectId: z.string({ error: t("errors.chooseDefect", { ns: "drawing" }) }).min(1),
    x: decimalNumber(outside),
    y: decimalNumber(outside),
  });
}
