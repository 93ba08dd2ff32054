import type { AnyT } from "~/modules/acceptance/words";
import { plainText } from "~/modules/acceptance/words";
import type { DivisionGap } from "./summary.server";

const GAP_CODES = [
  "subItemOpen",
  "appearanceMissing",
  "appearancePoor",
  "appearanceConclusion",
  "unsigned",
  "docMissing",
  "docUnchecked",
  "testMissing",
  "testFailed",
  "concealedUnsigned",
] as const;
type GapCode = (typeof GAP_CODES)[number];
const isGapCode = (c: string): c is GapCode => (GAP_CODES as readonly string[]).includes(c);

/** A 观感 point's name in the reader's language. */
export const pointName = (t: AnyT, code: string) =>
  t(`division:points.${code}` as "division:points.general", { defaultValue: code });

/** The catalogue key and values of a gap (names are data, marked `<d>` in the sentence). */
export function gapMessage(
  t: AnyT,
  g: Pick<DivisionGap, "code" | "params">,
): { key: `division:gaps.${GapCode | "other"}`; values: Record<string, string | number> } {
  if (!isGapCode(g.code)) return { key: "division:gaps.other", values: { code: g.code } };
  const values: Record<string, string | number> = { ...g.params };
  if (typeof values.point === "string") values.point = pointName(t, values.point);
  return { key: `division:gaps.${g.code}` as const, values };
}

/** A gap as plain text (refusals, PDFs). */
export function gapText(t: AnyT, g: Pick<DivisionGap, "code" | "params">): string {
  const { key, values } = gapMessage(t, g);
  // values are the gap's own parameters, checked by code above
  return plainText((t as (k: string, v: object) => string)(key, values));
}
