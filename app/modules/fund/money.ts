/**
 * Exact money and quantities, pure. Money is integer fen as BigInt (¥54.1M = 5.41e9 fen, past
 * 2^31 and, summed over many items, past what a float keeps exact); quantities are integer
 * thousandths of the bill item's unit (0.001 m, 0.001 m²), within a 32-bit Int. Never a float.
 */

export const QUANTITY_SCALE = 1000;
export const MAX_QUANTITY_MILLI = 2_000_000_000;

/** "12.5" → 12500; null for anything but a non-negative number with at most 3 decimals. */
export function parseQuantity(text: string): number | null {
  const m = /^(\d{1,7})(?:\.(\d{1,3}))?$/.exec(text.trim());
  if (!m) return null;
  const milli = Number(m[1]) * QUANTITY_SCALE + Number((m[2] ?? "").padEnd(3, "0"));
  return milli <= MAX_QUANTITY_MILLI ? milli : null;
}

export function formatQuantity(milli: number): string {
  const sign = milli < 0 ? "-" : "";
  const abs = Math.abs(milli);
  const whole = Math.floor(abs / QUANTITY_SCALE);
  const frac = String(abs % QUANTITY_SCALE)
    .padStart(3, "0")
    .replace(/0+$/, "");
  return `${sign}${whole}${frac ? `.${frac}` : ""}`;
}

/** "1234.5" (元) → 123450n fen; null unless a non-negative amount with at most 2 decimals. */
export function parseYuan(text: string): bigint | null {
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text.trim().replaceAll(",", ""));
  if (!m) return null;
  return BigInt(m[1]!) * 100n + BigInt((m[2] ?? "").padEnd(2, "0"));
}

/** 123456789n → "1,234,567.89" (元, two decimals, thousands separators). */
export function formatFen(fen: bigint): string {
  const sign = fen < 0n ? "-" : "";
  const abs = fen < 0n ? -fen : fen;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${yuan}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** Half-up division of a non-negative numerator. */
function divRound(n: bigint, d: bigint): bigint {
  if (n < 0n) return -divRound(-n, d);
  return (n + d / 2n) / d;
}

/** 合价 of one line: quantity × unit price, rounded half-up to the fen. */
export function lineAmountFen(quantityMilli: number, unitPriceFen: bigint): bigint {
  return divRound(BigInt(quantityMilli) * unitPriceFen, BigInt(QUANTITY_SCALE));
}

/** 质保金 withheld from a gross amount at a rate in basis points (300 = 3%), half-up to the fen. */
export function retentionFen(grossFen: bigint, retentionBp: number): bigint {
  return divRound(grossFen * BigInt(retentionBp), 10_000n);
}

export function sumFen(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}
