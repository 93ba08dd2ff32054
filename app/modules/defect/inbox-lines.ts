import type { MessageKey } from "~/locales/resources";
import type { Lng } from "~/modules/i18n/config";
import { formatDate } from "~/modules/i18n/dates";
import type { Translate } from "./labels";

/** What an inbox line stores to be worded in its reader's language. */
export type LineParams = Record<string, string | number>;

const KINDS = [
  "defect.assigned",
  "defect.returned",
  "defect.submitted",
  "defect.due_soon",
  "defect.overdue",
  "notice.issued",
  "notice.replied",
] as const;
type Kind = (typeof KINDS)[number];
const isKind = (k: string): k is Kind => (KINDS as readonly string[]).includes(k);

// Parameters that are data (names, numbers, notes as written): shown as they are, marked so.
const DATA = new Set(["number", "title", "place", "comment", "subject"]);
// Calendar days (YYYY-MM-DD, Beijing): formatted in the reader's language.
const isDay = (key: string, v: unknown): v is string =>
  key.endsWith("On") && typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);

function prepared(params: LineParams, lng: Lng): LineParams {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      isDay(k, v) ? formatDate(`${v}T00:00:00+08:00`, lng) : v,
    ]),
  );
}

/** The line as one string in `t`'s language (stored as the Chinese fallback, read by logs). */
export function lineText(kind: string, params: LineParams, t: Translate, lng: Lng): string {
  if (!isKind(kind)) return "";
  return t(`defect:inbox.text.${kind}` satisfies MessageKey, prepared(params, lng));
}

/** One piece of a line: words of the UI, or data to show as written (translate="no"). */
export type LinePart = { text: string; data: boolean };

/**
 * The line in the reader's language, cut into words and data, or null when the row has no
 * parameters (made before they were stored: its Chinese text is shown instead).
 */
export function lineParts(
  kind: string,
  rawParams: string | null,
  t: Translate,
  lng: Lng,
): LinePart[] | null {
  if (!rawParams || !isKind(kind)) return null;
  let params: LineParams;
  try {
    params = JSON.parse(rawParams) as LineParams;
  } catch {
    return null;
  }
  const values = prepared(params, lng);
  const data: string[] = [];
  const marked = Object.fromEntries(
    Object.entries(values).map(([k, v]) => {
      if (!DATA.has(k)) return [k, v];
      data.push(String(v));
      return [k, `\uE000${data.length - 1}\uE001`];
    }),
  );
  const text = t(`defect:inbox.text.${kind}` satisfies MessageKey, marked);
  const parts: LinePart[] = [];
  for (const piece of text.split(/(\uE000\d+\uE001)/)) {
    if (!piece) continue;
    const m = /^\uE000(\d+)\uE001$/.exec(piece);
    parts.push(m ? { text: data[Number(m[1])] ?? "", data: true } : { text: piece, data: false });
  }
  return parts;
}

/** The kind's label key (defect:inbox.kind.*), or null for a kind this version does not know. */
export function kindLabelKey(kind: string): MessageKey | null {
  return isKind(kind) ? (`defect:inbox.kind.${kind}` satisfies MessageKey) : null;
}
