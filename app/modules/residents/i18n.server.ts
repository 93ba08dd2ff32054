import type { TFunction } from "i18next";
import { requestLanguage } from "~/modules/auth/language.server";
import type { Lng } from "~/modules/i18n/config";
import { fixedT, serverI18n } from "~/modules/i18n/i18n.server";
import type { ResidentsT } from "./i18n";

/** The residents' translator for a language (schemas, sheets) and the general one (replies). */
export function residentsTFor(lng: Lng): { t: ResidentsT; replyT: TFunction; lng: Lng } {
  return { t: serverI18n(lng).getFixedT(lng, "residents"), replyT: fixedT(lng), lng };
}

/** The same in the request's language (the user's setting, the cookie, Accept-Language). */
export async function residentsT(request: Request) {
  return residentsTFor(await requestLanguage(request));
}
