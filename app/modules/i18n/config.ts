import type { InitOptions } from "i18next";
import type { Namespace } from "~/locales/resources";

/** The languages of the UI; Chinese is the default and the language of record. */
export const LANGUAGES = ["zh-CN", "en"] as const;
export type Lng = (typeof LANGUAGES)[number];
export const DEFAULT_LNG: Lng = "zh-CN";

export function isLng(value: unknown): value is Lng {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The same options on the server and in the browser, so both render the same text. */
export function i18nOptions(lng: Lng, ns: readonly Namespace[]): InitOptions {
  return {
    lng,
    supportedLngs: [...LANGUAGES],
    fallbackLng: false,
    ns: [...ns],
    defaultNS: "common",
    // React escapes; PDFs and spreadsheets are not HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: true },
  };
}

/** The namespaces a route needs, from `export const handle = { i18n: ["lot", …] }`. */
export type I18nHandle = { i18n?: Namespace | readonly Namespace[] };

export function namespacesOf(handles: readonly unknown[]): Namespace[] {
  const found = new Set<Namespace>(["common"]);
  for (const handle of handles) {
    const ns = (handle as I18nHandle | undefined)?.i18n;
    if (typeof ns === "string") found.add(ns);
    else if (Array.isArray(ns)) for (const n of ns) found.add(n);
  }
  return [...found];
}
