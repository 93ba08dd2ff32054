import { createCookie } from "@remix-run/node";
import i18next, { type i18n, type TFunction } from "i18next";
import Negotiator from "negotiator";
import { NAMESPACES } from "~/locales/resources";
import { DEFAULT_LNG, i18nOptions, isLng, type Lng } from "./config";
import { MiniI18n } from "./mini/instance";
import { SERVER_RESOURCES } from "./resources.server";

/** The language chosen on the sign-in page (or by a visitor), remembered for a year. */
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 365 * 24 * 3600,
});

// Accept-Language names: "zh", "zh-Hans", "zh-TW" all read as Chinese (the language of record).
const OFFERED = ["zh-CN", "zh", "en"];

function fromAcceptLanguage(header: string | null): Lng | null {
  if (!header) return null;
  const best = new Negotiator({ headers: { "accept-language": header } }).language(OFFERED);
  if (!best) return null;
  return best.startsWith("zh") ? "zh-CN" : "en";
}

/**
 * The language of a request: the signed-in user's setting, else the remembered choice, else the
 * browser's Accept-Language, else Chinese.
 */
export async function resolveLanguage(
  request: Request,
  user?: { locale: string | null } | null,
): Promise<Lng> {
  if (user && isLng(user.locale)) return user.locale;
  const remembered: unknown = await languageCookie.parse(request.headers.get("Cookie"));
  if (isLng(remembered)) return remembered;
  return fromAcceptLanguage(request.headers.get("accept-language")) ?? DEFAULT_LNG;
}

const instances = new Map<Lng, i18n>();

/** One initialised instance per language, holding every namespace (synchronous, no I/O). */
export function serverI18n(lng: Lng): i18n {
  let instance = instances.get(lng);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      ...i18nOptions(lng, NAMESPACES),
      resources: SERVER_RESOURCES,
      initAsync: false,
    });
    instances.set(lng, instance);
  }
  return instance;
}

/** A translator fixed to one language, for messages, PDFs and spreadsheets made on the server. */
export function fixedT(lng: Lng): TFunction {
  return serverI18n(lng).t;
}

const renderInstances = new Map<Lng, Promise<MiniI18n>>();

/**
 * The translator React components use in the server render: the browser's MiniI18n (the same
 * code that hydrates the page), with every catalogue of `lng` loaded, one per language.
 */
export function renderI18n(lng: Lng): Promise<MiniI18n> {
  let instance = renderInstances.get(lng);
  if (!instance) {
    const mini = new MiniI18n(lng, (l, ns) =>
      Promise.resolve((SERVER_RESOURCES[l]?.[ns] ?? {}) as object),
    );
    instance = mini.load(lng, NAMESPACES).then(() => mini);
    renderInstances.set(lng, instance);
  }
  return instance;
}
