import type { Namespace } from "~/locales/resources";
import { DEFAULT_LNG, isLng, namespacesOf } from "./config";
import { MiniI18n } from "./mini/instance";

// One lazy chunk per language and namespace: a page loads only what its routes name, and the
// service worker precaches every chunk, so a page opened offline still has its words.
const catalogues = import.meta.glob<{ default: object }>("../../locales/*/*.ts");

function loadCatalogue(lng: string, ns: string) {
  const load = catalogues[`../../locales/${lng}/${ns}.ts`];
  if (!load) return Promise.reject(new Error(`no catalogue ${lng}/${ns}`));
  return load().then((m) => m.default);
}

/**
 * The page's language and the namespaces its matched routes need, loaded before hydration. The
 * browser translates with MiniI18n (mini/translate.ts: i18next's behaviour for our options, in a
 * fraction of its size); the server renders with i18next.
 */
export async function startI18n() {
  const lang = document.documentElement.lang;
  const lng = isLng(lang) ? lang : DEFAULT_LNG;
  const modules = (
    window as unknown as { __remixRouteModules?: Record<string, { handle?: unknown }> }
  ).__remixRouteModules;
  const ns: Namespace[] = namespacesOf(Object.values(modules ?? {}).map((m) => m?.handle));
  const i18n = new MiniI18n(lng, loadCatalogue);
  await i18n.load(lng, ns);
  return i18n;
}
