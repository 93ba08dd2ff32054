import en from "~/locales/en/auth";
import zh from "~/locales/zh-CN/auth";
import type { Lng } from "~/modules/i18n/config";

/**
 * The auth catalogue read directly, for messages made below i18next: modules that scripts (seed,
 * tsx) import cannot load the i18next instance, whose catalogues come from a Vite glob.
 */
export function authWords(lng: Lng): typeof zh {
  return lng === "en" ? (en as typeof zh) : zh;
}

/** A catalogue string with {{name}} filled in (no formats: plain values only). */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ""));
}
