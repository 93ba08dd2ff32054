import i18next from "i18next";
import resourcesToBackend from "i18next-resources-to-backend";
import { initReactI18next } from "react-i18next";
import type { Namespace } from "~/locales/resources";
import { DEFAULT_LNG, i18nOptions, isLng, namespacesOf } from "./config";

// One lazy chunk per language and namespace: a page loads only what its routes name, and the
// service worker precaches every chunk, so a page opened offline still has its words.
const catalogues = import.meta.glob<{ default: object }>("../../locales/*/*.ts");

function loadCatalogue(lng: string, ns: string) {
  const load = catalogues[`../../locales/${lng}/${ns}.ts`];
  if (!load) return Promise.reject(new Error(`no catalogue ${lng}/${ns}`));
  return load().then((m) => m.default);
}

/** Initialises i18next with the page's language and the namespaces its matched routes need. */
export async function startI18n() {
  const lang = document.documentElement.lang;
  const lng = isLng(lang) ? lang : DEFAULT_LNG;
  const modules = (
    window as unknown as { __remixRouteModules?: Record<string, { handle?: unknown }> }
  ).__remixRouteModules;
  const ns: Namespace[] = namespacesOf(Object.values(modules ?? {}).map((m) => m?.handle));
  await i18next
    .use(initReactI18next)
    .use(resourcesToBackend(loadCatalogue))
    .init(i18nOptions(lng, ns));
  return i18next;
}
