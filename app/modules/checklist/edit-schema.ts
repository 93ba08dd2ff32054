import type { TFunction } from "i18next";
import { z } from "~/infra/zod";
import { ItemKindSchema, ItemMethodSchema } from "./data-file";
import { ITEM_FORM_FIELDS } from "./item-fields";

/**
 * The administrator's checklist edit form: pure, shared by the tablet (field names, drafts) and
 * the server (validation, through conform). The form posts `items[<index>].<field>`, main items
 * first, in display order.
 */

export const ITEM_FIELDS = ITEM_FORM_FIELDS;
export type ItemField = (typeof ITEM_FIELDS)[number];

/** One item as typed in the form: every field a string ("" when empty, verified "on"/""). */
export type ItemValues = Record<ItemField, string>;
export type EditFormValues = { basedOnVersion: string; changeNote: string; items: ItemValues[] };

/** What a numeric limit applies to; words: `checklist:edit.quantities.*`. */
export const QUANTITIES = ["absolute", "deviationFromDesign", "aboveUpstreamCrown"] as const;

export const ITEM_CODE = /^[A-Z]{2}-([MG])(\d+)$/;
const KIND_LETTER = { main: "M", general: "G" } as const;

/** A decimal typed on a tablet: "1.05", "1,05", "−6" (typographic minus), "+6". */
export function parseDecimal(text: string): number | null {
  const cleaned = text.trim().replace(",", ".").replace(/^[−–]/, "-");
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}

/**
 * The edit form's schema, its messages in the language of `t`: the same in the browser and in
 * the action.
 */
export function checklistEditSchema(t: TFunction<"checklist">) {
  const tooLong = (max: number) => t("edit.errors.tooLong", { max });
  const requiredText = (message: string, max: number) =>
    z.string({ error: message }).trim().min(1, message).max(max, tooLong(max));

  const optionalText = (max: number) =>
    z
      .string()
      .trim()
      .max(max, tooLong(max))
      .optional()
      .transform((v) => (v ? v : null));

  const decimal = z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v?.trim()) return null;
      const n = parseDecimal(v);
      if (n === null) {
        ctx.addIssue({ code: "custom", message: t("edit.errors.decimal") });
        return z.NEVER;
      }
      return n;
    });

  const ItemInputSchema = z
    .object({
      code: z
        .string()
        .trim()
        .optional()
        .transform((v) => (v ? v : null))
        .refine((v) => v === null || ITEM_CODE.test(v), t("edit.errors.code")),
      kind: z.enum(ItemKindSchema.options, { error: t("edit.errors.kind") }),
      textZh: requiredText(t("edit.errors.textZh"), 1000),
      textEn: optionalText(1000),
      method: z.enum(ItemMethodSchema.options, { error: t("edit.errors.method") }),
      tolerance: optionalText(200),
      numericUnit: optionalText(20),
      numericMin: decimal,
      numericMax: decimal,
      numericQuantity: z
        .enum(QUANTITIES, { error: t("edit.errors.quantity") })
        .or(z.literal(""))
        .optional()
        .transform((v) => (v ? v : "absolute")),
      numericTarget: decimal,
      numericCondition: optionalText(300),
      numericNote: optionalText(500),
      samplePlan: requiredText(t("edit.errors.samplePlan"), 300),
      source: requiredText(t("edit.errors.source"), 1000),
      verified: z
        .string()
        .optional()
        .transform((v) => v === "on" || v === "true"),
    })
    .superRefine((item, ctx) => {
      const { numericMin: min, numericMax: max, numericTarget: target } = item;
      const given = (v: unknown) => typeof v === "number";
      if (!item.numericUnit && (given(min) || given(max) || given(target))) {
        ctx.addIssue({
          code: "custom",
          path: ["numericUnit"],
          message: t("edit.errors.unitForLimits"),
        });
      }
      if (!item.numericUnit && (item.numericCondition || item.numericNote)) {
        ctx.addIssue({
          code: "custom",
          path: ["numericUnit"],
          message: t("edit.errors.unitForCondition"),
        });
      }
      if (typeof min === "number" && typeof max === "number" && min > max) {
        ctx.addIssue({
          code: "custom",
          path: ["numericMin"],
          message: t("edit.errors.minAboveMax"),
        });
      }
      const letter = item.code ? ITEM_CODE.exec(item.code)?.[1] : undefined;
      if (letter && letter !== KIND_LETTER[item.kind]) {
        ctx.addIssue({
          code: "custom",
          path: ["kind"],
          message: t("edit.errors.kindChanged"),
        });
      }
    })
    .transform((item) => {
      const numeric = item.numericUnit !== null;
      return {
        code: item.code,
        kind: item.kind,
        textZh: item.textZh,
        // the data file requires an English text; the Chinese one stands in when none is given
        textEn: item.textEn ?? item.textZh,
        method: item.method,
        tolerance: item.tolerance,
        numericUnit: item.numericUnit,
        numericMin: numeric ? item.numericMin : null,
        numericMax: numeric ? item.numericMax : null,
        numericQuantity: numeric ? item.numericQuantity : null,
        numericTarget: numeric ? item.numericTarget : null,
        numericCondition: numeric ? item.numericCondition : null,
        numericNote: numeric ? item.numericNote : null,
        samplePlan: item.samplePlan,
        source: item.source,
        verified: item.verified,
      };
    });

  return z.object({
    basedOnVersion: z.coerce
      .number({ error: t("edit.errors.basedOn") })
      .int()
      .positive(t("edit.errors.basedOn")),
    changeNote: requiredText(t("edit.errors.changeNote"), 500),
    items: z
      .array(ItemInputSchema)
      .min(1, t("edit.errors.noItems"))
      .max(200, t("edit.errors.tooManyItems"))
      .superRefine((items, ctx) => {
        const seen = new Set<string>();
        for (const [index, item] of items.entries()) {
          if (!item.code) continue;
          if (seen.has(item.code)) {
            ctx.addIssue({
              code: "custom",
              path: [index, "code"],
              message: t("edit.errors.duplicateCode"),
            });
          }
          seen.add(item.code);
        }
      }),
  });
}

export type ChecklistEdit = z.output<ReturnType<typeof checklistEditSchema>>;
export type EditedItem = ChecklistEdit["items"][number];
/** One item as the form holds it (conform's field list). */
export type ItemInput = z.input<ReturnType<typeof checklistEditSchema>>["items"][number];

export function emptyValues(partial: Partial<ItemValues> = {}): ItemValues {
  return Object.fromEntries(ITEM_FIELDS.map((f) => [f, partial[f] ?? ""])) as ItemValues;
}

type ItemLike = Record<ItemField, string | number | boolean | null>;

/** A stored item as form values, to start editing from. */
export function valuesFromItem(item: ItemLike): ItemValues {
  const text = (v: string | number | boolean | null) =>
    typeof v === "boolean" ? (v ? "on" : "") : v === null ? "" : String(v);
  const values = Object.fromEntries(ITEM_FIELDS.map((f) => [f, text(item[f])])) as ItemValues;
  return { ...values, numericQuantity: values.numericQuantity || "absolute" };
}

/** The next free number per kind, from every code the work type has ever used (codes are never reused). */
export function nextCodeNumbers(codes: Iterable<string>): { main: number; general: number } {
  const next = { main: 1, general: 1 };
  for (const code of codes) {
    const m = ITEM_CODE.exec(code);
    if (!m) continue;
    const kind = m[1] === "M" ? "main" : "general";
    next[kind] = Math.max(next[kind], Number(m[2]) + 1);
  }
  return next;
}

export function itemCode(prefix: string, kind: "main" | "general", n: number): string {
  return `${prefix}-${KIND_LETTER[kind]}${n}`;
}
