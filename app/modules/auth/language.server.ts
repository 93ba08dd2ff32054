import type { TFunction } from "i18next";
import type { Namespace } from "~/locales/resources";
import type { Lng } from "~/modules/i18n/config";
import { fixedT, resolveLanguage, serverI18n } from "~/modules/i18n/i18n.server";
import { optionalUser } from "./require-user.server";

/** The language this request is answered in (the user's setting, the cookie, the browser). */
export async function requestLanguage(request: Request): Promise<Lng> {
  return resolveLanguage(request, await optionalUser(request));
}

/** A translator in the request's language, for messages, PDFs and spreadsheets. */
export async function requestT(request: Request): Promise<TFunction> {
  return fixedT(await requestLanguage(request));
}

/** A translator in `lng` whose bare keys are in namespace `ns` (other namespaces by "ns:key"). */
export function namespaceT<N extends Namespace>(lng: Lng, ns: N): TFunction<N> {
  return serverI18n(lng).getFixedT(lng, ns);
}

/**
 * The request's language with two translators: `t` for namespace `ns` (bare keys) and `common`
 * (the TFunction parseSubmission, replyError and refusalResponse take).
 */
export async function requestTranslators<N extends Namespace>(request: Request, ns: N) {
  const lng = await requestLanguage(request);
  return { lng, t: namespaceT(lng, ns), common: fixedT(lng) };
}
