/** Number and unit formatting for verdict lines, pages, records and PDFs. */

const SIGNIFICANT_DIGITS = 12;
const MAX_DECIMALS = 4;

/** Removes binary noise: 1.1 − 1.05 → 0.05, 0.3 × 1.5 → 0.45. */
export function tidy(x: number): number {
  return Number(x.toPrecision(SIGNIFICANT_DIGITS));
}

export function decimalsOf(x: number): number {
  const text = String(tidy(x));
  if (text.includes("e")) return MAX_DECIMALS;
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : Math.min(text.length - dot - 1, MAX_DECIMALS);
}

/** Decimals as the user typed them: "1.10" → 2, "1" → 0. */
export function decimalsOfText(text: string): number {
  const dot = text.trim().indexOf(".");
  return dot < 0 ? 0 : Math.min(text.trim().length - dot - 1, MAX_DECIMALS);
}

export function formatNumber(x: number, decimals: number = decimalsOf(x)): string {
  return tidy(x).toFixed(decimals);
}

/** Percent with at most one decimal, rounded down so a failing rate never displays as the limit. */
export function formatPercent(rate: number): string {
  const tenths = Math.floor(tidy(rate * 1000));
  return `${formatNumber(tenths / 10)}%`;
}

/** Units as printed; "ratio" is a plain number. */
const UNIT_DISPLAY: Record<string, string> = { ratio: "" };
const UNITS_WITHOUT_SPACE = new Set(["%", "‰", "×D"]);

export function unitLabel(unit: string): string {
  return UNIT_DISPLAY[unit] ?? unit;
}

export function withUnit(text: string, unit: string): string {
  const shown = unitLabel(unit);
  if (shown === "") return text;
  return UNITS_WITHOUT_SPACE.has(shown) ? `${text}${shown}` : `${text} ${shown}`;
}

export function signed(text: string, x: number): string {
  return x > 0 ? `+${text}` : text;
}

/** A measured value as entered: its own text when known (1.10 stays 1.10), else the number. */
export function formatEntered(value: number, unit: string, text?: string | null): string {
  const shown = text && Number(text) === value ? text.trim() : formatNumber(value);
  return withUnit(shown, unit);
}

/**
 * Measured values beside their limits, for points without entered text: 1 against 1.05 m →
 * "1.00 m". `known` are the limits shown next to them.
 */
export function formatMeasured(
  values: readonly number[],
  numeric: { unit: string; min: number | null; max: number | null; target?: number | null },
): string[] {
  const known = [numeric.min, numeric.max, numeric.target].filter((x): x is number => x != null);
  const decimals = Math.max(0, ...[...values, ...known].map(decimalsOf));
  return values.map((v) => withUnit(formatNumber(v, decimals), numeric.unit));
}
