import type { TFunction } from "i18next";
import type { Lng } from "~/modules/i18n/config";
import { fixedT, resolveLanguage } from "~/modules/i18n/i18n.server";
import { optionalUser } from "./require-user.server";

/** The language this request is answered in (the user's setting, the cookie, the browser). */
export async function requestLanguage(request: Request): Promise<Lng> {
  return resolveLanguage(request, await optionalUser(request));
}

/** A translator in the request's language, for messages, PDFs and spreadsheets. */
export async function requestT(request: Request): Promise<TFunction> {
  return fixedT(await requestLanguage(request));
}
