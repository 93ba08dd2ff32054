import { createHash, randomInt } from "node:crypto";
import { CODE_ALPHABET, CODE_LENGTH, normaliseCode } from "./review-rules";

/** A new household code from the unambiguous alphabet, grouped 5-5 for reading off paper. */
export function newHouseholdCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** What is stored of a code: its SHA-256, whatever case, spaces or dashes were typed. */
export function hashCode(input: string): string {
  return createHash("sha256")
    .update(`yanshou-review:${normaliseCode(input)}`)
    .digest("hex");
}
