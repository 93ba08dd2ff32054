import type { TFunction } from "i18next";
import { DomainError, type MessageParams } from "~/infra/domain-error";
import type { MessageKey, Namespace } from "~/locales/resources";
import { DEFAULT_LNG } from "~/modules/i18n/config";
import { fixedT } from "~/modules/i18n/i18n.server";

/** A translator that takes any namespace's keys as "ns:key" (requestT's and useTranslation's fit). */
export type Translate = TFunction<Namespace[]>;

/** The language of record (watermarks, stored fallback texts, log messages). */
export const recordT = (): Translate => fixedT(DEFAULT_LNG);

/**
 * A refusal of this area: a DomainError whose `message` is the Chinese text (for the log and for
 * callers in other modules that still read `.message`); routes word it with `error.text(t)`.
 */
export function refusal(code: MessageKey, status = 409, params: MessageParams = {}): DomainError {
  const error = new DomainError(code, { status, params });
  error.message = error.text(fixedT(DEFAULT_LNG));
  return error;
}
