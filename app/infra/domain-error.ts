import type { TFunction } from "i18next";
import type { MessageKey } from "~/locales/resources";

export type MessageParams = Record<string, string | number>;

/**
 * The one error a domain module throws for an expected refusal: a message key (never prose), the
 * HTTP status it answers with, the key's parameters, and the form field it belongs to, if any.
 * Routes turn it into text in the reader's language (see replyError / refusalResponse).
 */
export class DomainError extends Error {
  readonly code: MessageKey;
  readonly status: number;
  readonly params: MessageParams;
  readonly field: string | undefined;

  constructor(
    code: MessageKey,
    options: { status?: number; params?: MessageParams; field?: string } = {},
  ) {
    super(code);
    this.name = "DomainError";
    this.code = code;
    this.status = options.status ?? 409;
    this.params = options.params ?? {};
    this.field = options.field;
  }

  /** The message in the language of `t`. */
  text(t: TFunction): string {
    // Keys are checked where the error is made; here they are data.
    return (t as unknown as (key: string, params: MessageParams) => string)(this.code, this.params);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** The JSON body of every refusal (resource routes, fetchers, thrown responses). */
export type Refusal = { kind: "refused"; code?: string; message: string; field?: string };

/** A DomainError as a Response, for resource routes and loaders (thrown or returned). */
export function refusalResponse(error: DomainError, t: TFunction): Response {
  return Response.json(
    {
      kind: "refused",
      code: error.code,
      message: error.text(t),
      field: error.field,
    } satisfies Refusal,
    { status: error.status },
  );
}
