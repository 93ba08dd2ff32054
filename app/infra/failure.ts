/**
 * A start-up or script failure (a bad environment, a backup that cannot be made or restored, a
 * missing PDF font): not a refusal to a user, so neither a DomainError nor a class of its own. A
 * plain Error carrying a code the scripts test (to print the message alone, without a stack)
 * and, when it wraps another error, that error as its `cause`.
 */
export type FailureCode = "env" | "backup" | "font";

export type Failure = Error & { readonly code: FailureCode };

export function failure(code: FailureCode, message: string, cause?: unknown): Failure {
  const error = new Error(message, cause === undefined ? undefined : { cause });
  return Object.assign(error, { code });
}

export function isFailure(error: unknown, code: FailureCode): error is Failure {
  return error instanceof Error && (error as Partial<Failure>).code === code;
}
