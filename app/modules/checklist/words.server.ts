import type { TFunction } from "i18next";
import { requestLanguage } from "~/modules/auth/language.server";
import type { Lng } from "~/modules/i18n/config";
import { serverI18n } from "~/modules/i18n/i18n.server";

/** The checklist namespace's words in one language (page titles, records made on the server). */
export function checklistT(lng: Lng): TFunction<"checklist"> {
  return serverI18n(lng).getFixedT(lng, "checklist");
}

/** The request's language and the checklist words in it. */
export async function requestChecklistT(request: Request) {
  const lng = await requestLanguage(request);
  return { lng, t: checklistT(lng) };
}
