import type { TFunction } from "i18next";
import { DomainError, type MessageParams } from "~/infra/domain-error";
import type { MessageKey } from "~/locales/resources";

/** What a pure rule says when it refuses: a catalogue key and its parameters, never prose. */
export type LotMessage = { key: MessageKey; params?: MessageParams };

/** A refusal as the one domain error. */
export function lotRefusal(message: LotMessage, status = 409): DomainError {
  return new DomainError(message.key, { status, params: message.params });
}

/** A message in the language of `t` (keys are checked where the message is made). */
export function say(t: TFunction | ((key: never) => string), message: LotMessage): string {
  return (t as unknown as (key: string, params?: MessageParams) => string)(
    message.key,
    message.params,
  );
}
