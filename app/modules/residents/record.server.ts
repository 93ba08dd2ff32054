import type { MessageKey } from "~/locales/resources";
import { DEFAULT_LNG } from "~/modules/i18n/config";
import { fixedT } from "~/modules/i18n/i18n.server";

type RecordKey = Extract<MessageKey, `residents:record.${string}`>;

/**
 * Words that become part of a record in the language of record (Chinese), whoever reads it later:
 * what is burnt into an evidence photo's watermark and the text of a stored notification.
 */
export function record(key: RecordKey, params: Record<string, string | number> = {}): string {
  return (fixedT(DEFAULT_LNG) as unknown as (k: string, p: object) => string)(key, params);
}
