import i18next, { type TFunction } from "i18next";
import zhAcceptance from "~/locales/zh-CN/acceptance";
import zhCommon from "~/locales/zh-CN/common";
import { i18nOptions } from "~/modules/i18n/config";

let instance: TFunction | null = null;

/**
 * The Chinese words of this namespace for callers that pass no translator (records, audit replay,
 * the lot and defect modules' Chinese refusals). Built from the catalogues themselves, not the
 * server bundle's glob, so scripts run under tsx (seed, start-up checks) can load these modules.
 */
export function zhT(): TFunction {
  if (!instance) {
    const i = i18next.createInstance();
    void i.init({
      ...i18nOptions("zh-CN", ["common", "acceptance"]),
      resources: { "zh-CN": { common: zhCommon, acceptance: zhAcceptance } },
      initAsync: false,
    });
    instance = i.t;
  }
  return instance;
}
