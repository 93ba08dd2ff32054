import type { TFunction } from "i18next";
import type { Namespace } from "~/locales/resources";
import { isParty } from "./parties";
import type { Blocker, PrereqKey } from "./prerequisites";

const LOT_STATUSES = ["draft", "submitted", "rejected", "accepted"] as const;
const DEFECT_STATUSES = ["open", "in_progress", "submitted", "closed"] as const;
const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T =>
  (list as readonly unknown[]).includes(v);

/** A translator that reads every namespace's "ns:key" (the request's, or a component's). */
export type AnyT = TFunction<Namespace[]>;

/** A prerequisite's name in the reader's language. */
export function prerequisiteLabel(t: AnyT, key: PrereqKey): string {
  return t(`acceptance:prereq.label.${key}`);
}

/**
 * The catalogue key and values that word a blocker: status and party codes become words; names
 * and numbers stay as written (the message marks them `<d>` as data).
 */
export function blockerMessage(
  t: AnyT,
  b: Blocker,
): { key: `prereq.blocker.${Blocker["code"]}`; values: Record<string, string | number> } {
  const p = b.params;
  const key = `prereq.blocker.${b.code}` as const;
  switch (b.code) {
    case "lotNotAccepted":
      return {
        key,
        values: {
          ...p,
          status: isOneOf(LOT_STATUSES, p.status)
            ? t(`acceptance:prereq.lotStatus.${p.status}`)
            : String(p.status),
        },
      };
    case "defectOpen":
      return {
        key,
        values: {
          ...p,
          status: isOneOf(DEFECT_STATUSES, p.status)
            ? t(`acceptance:prereq.defectStatus.${p.status}`)
            : String(p.status),
        },
      };
    case "partyUnfilled":
      return {
        key,
        values: {
          ...p,
          party: isParty(p.party) ? t(`acceptance:party.${p.party}`) : String(p.party),
        },
      };
    case "hidden":
      return { key, values: { count: Number(p.count) } };
    default:
      return { key, values: p };
  }
}

/** A catalogue sentence as plain text: the `<d>` marks around data dropped (PDFs, messages). */
export const plainText = (text: string) => text.replace(/<\/?d>/g, "");

/** What blocks a prerequisite, as plain text in the reader's language. */
export function blockerText(t: AnyT, b: Blocker): string {
  const { key, values } = blockerMessage(t, b);
  return plainText(t(`acceptance:${key}`, values));
}
