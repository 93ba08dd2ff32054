import i18next, { type TFunction } from "i18next";
import { DomainError, type MessageParams } from "~/infra/domain-error";
import type { MessageKey, Namespace } from "~/locales/resources";
import common from "~/locales/zh-CN/common";
import defect from "~/locales/zh-CN/defect";
import photo from "~/locales/zh-CN/photo";
import { DEFAULT_LNG, i18nOptions } from "~/modules/i18n/config";

/** A translator that takes any namespace's keys as "ns:key" (requestT's and useTranslation's fit). */
export type Translate = TFunction<Namespace[]>;

let record: Translate | undefined;

/**
 * The language of record (watermarks, stored fallback texts, log messages) for this area's
 * namespaces. Built from the Chinese catalogues directly, not from the server's i18n instance
 * (whose catalogue loading needs Vite), so seeds and scripts run under tsx can use it too.
 */
export function recordT(): Translate {
  if (!record) {
    const instance = i18next.createInstance();
    void instance.init({
      ...i18nOptions(DEFAULT_LNG, ["common", "defect", "photo"]),
      resources: { [DEFAULT_LNG]: { common, defect, photo } },
      initAsync: false,
    });
    record = instance.t as Translate;
  }
  return record;
}

/**
 * A refusal of this area: a DomainError whose `message` is the Chinese text (for the log and for
 * callers in other modules that still read `.message`); routes word it with `error.text(t)`.
 * `field`: the form field it belongs to (shown beside that field).
 */
export function refusal(
  code: MessageKey,
  status = 409,
  params: MessageParams = {},
  field?: string,
): DomainError {
  const error = new DomainError(code, { status, params, field });
  error.message = error.text(recordT() as TFunction);
  return error;
}
