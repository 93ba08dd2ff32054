/**
 * Values between SQLite (as better-sqlite3 returns them with safe integers: bigint, number,
 * string, Buffer, null) and PostgreSQL (typed by the target column), and one canonical text per
 * value so a row hashes the same on both sides. Prisma stores SQLite DateTimes as ISO text
 * ("2026-11-30T03:55:57.916+00:00"); SQL defaults write "2026-11-30 03:55:57" (UTC).
 */
import { createHash } from "node:crypto";

/** Milliseconds since the epoch of a stored time; SQLite's space-separated form is UTC. */
export function timeMs(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "bigint" || typeof value === "number") return Number(value);
  if (typeof value !== "string") throw new Error(`not a time: ${String(value)}`);
  const bare = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(value);
  const ms = Date.parse(bare ? `${value.replace(" ", "T")}Z` : value);
  if (Number.isNaN(ms)) throw new Error(`not a time: ${value}`);
  return ms;
}

/** A time as PostgreSQL `timestamp` input text in UTC (what Prisma stores), independent of TZ. */
export function pgTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace("T", " ").replace("Z", "");
}

/** A SQLite value as the parameter for a PostgreSQL column of `type` (information_schema). */
export function toPgParam(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case "timestamp without time zone":
    case "timestamp with time zone":
      return pgTimestamp(timeMs(value));
    case "boolean":
      return Number(value) !== 0;
    case "integer":
    case "smallint":
      return Number(value);
    case "bigint":
    case "numeric":
      return String(value);
    case "double precision":
    case "real":
      return Number(value);
    case "bytea":
      return Buffer.isBuffer(value) ? value : Buffer.from(String(value));
    default:
      return typeof value === "bigint" ? String(value) : value;
  }
}

/** One canonical text per value, equal for a SQLite value and the PostgreSQL value copied from it. */
export function canonical(value: unknown, type: string): string | null {
  if (value === null || value === undefined) return null;
  switch (type) {
    case "timestamp without time zone":
    case "timestamp with time zone":
      return String(timeMs(value));
    case "boolean":
      return value === true || (value !== false && Number(value) !== 0) ? "1" : "0";
    case "integer":
    case "smallint":
    case "bigint":
      return BigInt(value as string | number | bigint).toString();
    case "double precision":
    case "real":
      return String(Number(value));
    case "bytea":
      return Buffer.isBuffer(value)
        ? value.toString("hex")
        : Buffer.from(String(value)).toString("hex");
    default:
      return typeof value === "string" ? value : String(value);
  }
}

const MOD = 1n << 256n;

/**
 * An order-independent hash of a table's rows: the sum of each row's SHA-256 modulo 2^256.
 * The two databases sort text differently (SQLite by bytes, PostgreSQL by collation), so the
 * hash must not depend on the order rows are read in; rows are distinct by their primary key.
 */
export class TableHash {
  private sum = 0n;
  rows = 0;

  add(values: (string | null)[]) {
    const digest = createHash("sha256").update(JSON.stringify(values)).digest("hex");
    this.sum = (this.sum + BigInt(`0x${digest}`)) % MOD;
    this.rows++;
  }

  hex(): string {
    return this.sum.toString(16).padStart(64, "0");
  }
}
