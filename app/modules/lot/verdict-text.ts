/**
 * The verdict engine's messages in words: `verdictText(t, message)` in the reader's language
 * (components: useTranslation("checklist"); servers: checklistT(lng)). `verdictTextZh` words
 * them in Chinese, the language of record, for what is stored or printed as the record
 * (signatures, 检验批质量验收记录) and for call sites not yet given a translator.
 * Numbers are shown as the engine chose (decimals as measured, units of the data).
 */
import type { TFunction } from "i18next";
import source from "~/locales/zh-CN/checklist";
import { formatNumber, formatPercent, signed, withUnit } from "./verdict-format";
import type { VerdictParam, VerdictText } from "./verdict-message";

type Translate = (key: string, params: Record<string, string | number>) => string;

function render(tr: Translate, m: VerdictText): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(m.params ?? {})) params[name] = word(tr, value);
  return tr(m.key, params);
}

function word(tr: Translate, p: VerdictParam): string | number {
  if (typeof p === "string" || typeof p === "number") return p;
  if ("key" in p) return render(tr, p);
  if ("list" in p) {
    const shown = (p.max === undefined ? p.list : p.list.slice(0, p.max))
      .map((x) => String(word(tr, x)))
      .join(tr(`verdict.join.${p.join}`, {}));
    return p.max !== undefined && p.list.length > p.max
      ? tr("verdict.join.more", { list: shown })
      : shown;
  }
  if ("percent" in p) return formatPercent(p.percent);
  const values = typeof p.num === "number" ? [p.num] : p.num;
  const text = values
    .map((x) => {
      const s = p.digits === undefined ? formatNumber(x) : formatNumber(x, p.digits);
      return p.sign ? signed(s, x) : s;
    })
    .join(", ");
  return p.unit ? withUnit(text, p.unit) : text;
}

/** A verdict message in the language of `t`. */
export function verdictText(t: TFunction<"checklist">, m: VerdictText): string {
  const tr = t as unknown as Translate;
  return render(tr, m);
}

/** Several messages, e.g. a verdict's reasons. */
export function verdictTexts(t: TFunction<"checklist">, ms: readonly VerdictText[]): string[] {
  return ms.map((m) => verdictText(t, m));
}

// The source catalogue read directly: Chinese needs no plural forms, so "x" falls back to "x_other".
function find(key: string): string | null {
  let node: unknown = source;
  for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === "string" ? node : null;
}
const lookup = (key: string): string => find(key) ?? find(`${key}_other`) ?? key;

const zh: Translate = (key, params) =>
  lookup(key).replace(/\{\{\s*(\w+)(?:\s*,\s*\w+)?\s*\}\}/g, (_, name: string) =>
    String(params[name] ?? ""),
  );

/** A verdict message in Chinese, the language of record (null stays null). */
export function verdictTextZh(m: VerdictText): string;
export function verdictTextZh(m: VerdictText | null): string | null;
export function verdictTextZh(m: VerdictText | null): string | null {
  return m === null ? null : render(zh, m);
}
