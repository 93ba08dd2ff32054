/**
 * A decimal typed on a tablet: accepts "1.05", "1,05", " 1.05 ". In its own module (no zod), so
 * the tablet's lot page bundle does not carry the form schemas.
 */
export function parseDecimal(text: string): number | null {
  const cleaned = text.trim().replace(",", ".");
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}
