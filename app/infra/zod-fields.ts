import { z } from "./zod";

// Fields that zod's own coercion would read too loosely. Each takes the message a refusal shows
// (from the form's schema factory, in the reader's language).

const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const DIGITS = /^\d+$/;

/** A number written in decimal digits only: "0x10", "1_0", "Infinity", " " are refused. */
export function decimalNumber(message: string) {
  return z.union([z.string(), z.number()]).transform((v, ctx) => {
    const text = typeof v === "number" ? String(v) : v.trim();
    const n = DECIMAL.test(text) ? Number(text) : Number.NaN;
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return n;
  });
}

/** A non-negative whole number in decimal digits ("16", never "0x10" or "1e1"). */
export function decimalInt(message: string) {
  return z.union([z.string(), z.number()]).transform((v, ctx) => {
    const text = typeof v === "number" ? String(v) : v.trim();
    if (!DIGITS.test(text) || text.length > 15) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return Number(text);
  });
}

/** 'YYYY-MM-DD' that is a real calendar day (2021-02-30 is refused), as that China-time day. */
export function parseCalendarDay(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = new Date(Date.UTC(y, mo - 1, d));
  if (utc.getUTCFullYear() !== y || utc.getUTCMonth() !== mo - 1 || utc.getUTCDate() !== d)
    return null;
  return new Date(`${value}T00:00:00+08:00`);
}
