/** Revision letters (版次): A, B, … Z, AA, AB …; ordered by length, then alphabetically. Pure. */

export const REVISION_PATTERN = /^[A-Z]{1,2}$/;

export function isRevisionLabel(value: string): boolean {
  return REVISION_PATTERN.test(value);
}

/** Negative when a is older than b, 0 when equal, positive when newer. */
export function compareRevisions(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The revision after `current` (none yet → A). */
export function nextRevision(current: string | null): string {
  if (current === null) return "A";
  const chars = current.split("");
  let i = chars.length - 1;
  while (i >= 0) {
    if (chars[i] !== "Z") {
      chars[i] = String.fromCharCode(chars[i]!.charCodeAt(0) + 1);
      return chars.join("");
    }
    chars[i] = "A";
    i -= 1;
  }
  return `A${chars.join("")}`;
}

/** Sheet numbers such as 电施-03: no spaces at the ends, no slashes, at most 40 characters. */
export function normalizeSheetNumber(value: string): string | null {
  const v = value.trim().replace(/\s+/g, " ");
  if (v === "" || v.length > 40 || /[/\\]/.test(v)) return null;
  return v;
}

/** The number of the page at `index` when only a prefix and a start number are given: 电施-01, 电施-02 … */
export function numberForPage(prefix: string, start: number, index: number): string {
  const n = start + index;
  return `${prefix}${String(n).padStart(2, "0")}`;
}
