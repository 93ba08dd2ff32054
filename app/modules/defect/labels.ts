import type { TFunction } from "i18next";
import type { Namespace } from "~/locales/resources";
import { DEFAULT_LNG } from "~/modules/i18n/config";
import { fixedT } from "~/modules/i18n/i18n.server";

/** A translator that takes any namespace's keys as "ns:key" (requestT's and useTranslation's fit). */
export type Translate = TFunction<Namespace[]>;

/** The language of record (watermarks, stored fallback texts, log messages). */
export const recordT = (): Translate => fixedT(DEFAULT_LNG);
