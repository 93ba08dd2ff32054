import { fixedT } from "~/modules/i18n/i18n.server";
import { type Message, type RecordBreak, word, wordBreak } from "./verify-words";

/**
 * Verification findings in Chinese, the language of record: for the command-line tools
 * (npm run audit:verify, backups, migrations, benchmarks) and their logs.
 */
export const zhMessage = (m: Message): string => word(fixedT("zh-CN"), m);

/** A record break's label and message in Chinese. */
export const zhBreak = (b: Pick<RecordBreak, "label" | "code" | "params">) =>
  wordBreak(fixedT("zh-CN"), b);

/** "label: message" in Chinese, one line of a tool's log. */
export function zhBreakLine(b: Pick<RecordBreak, "label" | "code" | "params">): string {
  const { label, message } = zhBreak(b);
  return `${label}: ${message}`;
}
