import canonicalize from "canonicalize";

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Dates become ISO-8601 strings and undefined fields disappear, before RFC 8785 canonical JSON. */
export function toJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === "object") {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toJson(v);
    return out;
  }
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error("non-finite number");
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  throw new Error(`cannot encode ${typeof value}`);
}

/** RFC 8785 (JCS) canonical JSON: sorted keys, no whitespace, ECMAScript number form. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(toJson(value));
  if (text === undefined) throw new Error("nothing to encode");
  return text;
}
