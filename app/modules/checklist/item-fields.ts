/**
 * The columns of a checklist item, one list for whoever reads or compares items (publishing an
 * edit, publishing a data-file revision). Pure.
 */

/** Everything an item says; its code and seq (its place) are compared separately. */
export const ITEM_CONTENT_FIELDS = [
  "kind",
  "textZh",
  "textEn",
  "method",
  "tolerance",
  "numericUnit",
  "numericMin",
  "numericMax",
  "numericQuantity",
  "numericTarget",
  "numericCondition",
  "numericNote",
  "lookupTable",
  "judge",
  "samplePlan",
  "source",
  "verified",
] as const;

/** An item row as stored: code, place and content. */
export const ITEM_ROW_FIELDS = ["code", "seq", ...ITEM_CONTENT_FIELDS] as const;

/** Prisma `select` of ITEM_ROW_FIELDS. */
export const ITEM_ROW_SELECT = Object.fromEntries(ITEM_ROW_FIELDS.map((f) => [f, true])) as {
  readonly [K in (typeof ITEM_ROW_FIELDS)[number]]: true;
};

/** What the edit form posts per item: its code and every content column a person types. */
export const ITEM_FORM_FIELDS = [
  "code",
  ...ITEM_CONTENT_FIELDS.filter(
    (f): f is Exclude<(typeof ITEM_CONTENT_FIELDS)[number], "lookupTable" | "judge"> =>
      f !== "lookupTable" && f !== "judge",
  ),
] as const;
