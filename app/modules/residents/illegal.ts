import { DomainError } from "~/infra/domain-error";

/**
 * 违建拆除: registered 登记 → notified 已通知 → deadline 限期拆除 → demolished 已拆除. Pure.
 * The county plan gives demolition to 县住建局（城市综合行政执法局）and the two street offices.
 * Labels: residents:illegal.states.* and residents:illegal.next.*.
 */
export const ILLEGAL_STATES = ["registered", "notified", "deadline", "demolished"] as const;
export type IllegalState = (typeof ILLEGAL_STATES)[number];

export function isIllegalState(v: unknown): v is IllegalState {
  return typeof v === "string" && (ILLEGAL_STATES as readonly string[]).includes(v);
}

/**
 * One step forward at a time; 限期拆除 needs its deadline, 已拆除 an after photo (拆除后).
 * Returns the refusal (409), or null when the step is allowed.
 */
export function illegalStepRefusal(input: {
  from: IllegalState;
  to: IllegalState;
  deadline: Date | null;
  afterPhotos: number;
}): DomainError | null {
  const i = ILLEGAL_STATES.indexOf(input.from);
  const next = ILLEGAL_STATES[i + 1];
  if (next !== input.to)
    return new DomainError("residents:errors.illegalNextOnly", {
      params: { from: input.from, next: next ?? input.from },
    });
  if (input.to === "deadline" && !input.deadline)
    return new DomainError("residents:errors.deadlineRequired", { field: "deadline" });
  if (input.to === "demolished" && input.afterPhotos < 1)
    return new DomainError("residents:errors.afterPhotoRequired");
  return null;
}
