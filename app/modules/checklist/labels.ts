/** Item kinds and inspection methods; their words are `checklist:kinds.*` / `checklist:methods.*`. */
export const ITEM_KINDS = ["main", "general"] as const;
export const ITEM_METHODS = ["observe", "measure", "test", "document"] as const;

export { numericLimit } from "~/modules/lot/verdict-legacy";

// "GB 50300-2013 clause 3.0.2", "GB 50303-2015 12.1.1", "CJJ 1-2008": a standard and its clause.
const STANDARD_REF =
  /\b((?:GB\/T|GB|JGJ\/T|JGJ|CJJ\/T|CJJ|JTG|CECS)\s?\d+(?:\.\d+)?(?:-\d{4})?)(?:\s+(?:clause\s+)?(\d+(?:\.\d+)+(?:-\d+)?))?/g;

/**
 * The standards and clauses an item's `source` cites, as "GB 50300-2013 §3.0.2". Sources are
 * research notes, partly in English; the Chinese UI shows only these references.
 */
export function sourceRefs(source: string): string[] {
  const found = [...source.matchAll(STANDARD_REF)].map(([, std, clause]) =>
    clause ? `${std} §${clause}` : std!,
  );
  return [...new Set(found)];
}
