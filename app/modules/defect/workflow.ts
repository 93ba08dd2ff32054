/**
 * Defect (质量问题) rectification loop (整改闭环): the supervisor raises a defect, the contractor
 * it is assigned to acknowledges it and replies with its fix, the supervisor closes it or sends
 * it back. Pure; callers load the defect, ask for a decision, then persist `next`.
 */
import type { MessageParams } from "~/infra/domain-error";
import type { MessageKey } from "~/locales/resources";
import { type Action, type Role, scopeFor } from "~/modules/auth/permissions";
import { DAY_MS, SEVERITIES, type Severity } from "./due-dates";

export const DEFECT_STATES = ["open", "in_progress", "submitted", "closed"] as const;
export type DefectState = (typeof DEFECT_STATES)[number];
/**
 * The states before closed, listed: `status IN (…)` lets the (status, dueOn, …) index serve
 * overdue counts, where `status <> 'closed'` made SQLite read every defect row by dueOn.
 */
export const OPEN_DEFECT_STATES: Exclude<DefectState, "closed">[] = [
  "open",
  "in_progress",
  "submitted",
];
// Written out, not filtered: a call at the top of a module keeps it (and the permission matrix
// it imports) in every browser chunk that imports the module, used or not (decision 0036).

export const DEFECT_ACTIONS = ["acknowledge", "reply", "close", "return"] as const;
export type DefectAction = (typeof DEFECT_ACTIONS)[number];

export {
  chinaDayStart,
  DEFAULT_DUE_DAYS,
  defaultDueOn,
  dueOnIso,
  parseDueOn,
  SEVERITIES,
  type Severity,
} from "./due-dates";

export type DefectTransitionErrorCode =
  | "forbidden_role"
  | "not_own_contractor"
  | "wrong_state"
  | "comment_required"
  | "photo_required";

export interface DefectTransitionRequest {
  state: DefectState;
  action: DefectAction;
  role: Role;
  /** True when the user belongs to the contractor organisation the defect is assigned to. */
  isOwnContractor: boolean;
  comment?: string | null;
  /** After-rectification photos uploaded since the last reply (a reply must bring at least one). */
  newAfterPhotos?: number;
}

export type DefectTransitionDecision =
  | { ok: true; next: DefectState }
  | { ok: false; code: DefectTransitionErrorCode; message: MessageKey; params: MessageParams };

interface Rule {
  /** who may take the action: the permission it needs */
  permission: Action;
  /** the contractor's own actions: only the contractor the defect is assigned to */
  ownContractor: boolean;
  from: DefectState;
  to: DefectState;
  commentRequired?: boolean;
  photoRequired?: boolean;
}

const RULES: Record<DefectAction, Rule> = {
  acknowledge: {
    permission: "defect.rectify",
    ownContractor: true,
    from: "open",
    to: "in_progress",
  },
  reply: {
    permission: "defect.rectify",
    ownContractor: true,
    from: "in_progress",
    to: "submitted",
    commentRequired: true,
    photoRequired: true,
  },
  close: { permission: "defect.review", ownContractor: false, from: "submitted", to: "closed" },
  return: {
    permission: "defect.review",
    ownContractor: false,
    from: "submitted",
    to: "in_progress",
    commentRequired: true,
  },
};

function isState(value: unknown): value is DefectState {
  return typeof value === "string" && (DEFECT_STATES as readonly string[]).includes(value);
}
export const isDefectState = isState;

export function isDefectAction(value: unknown): value is DefectAction {
  return typeof value === "string" && (DEFECT_ACTIONS as readonly string[]).includes(value);
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === "string" && (SEVERITIES as readonly string[]).includes(value);
}

export function decideDefectTransition(request: DefectTransitionRequest): DefectTransitionDecision {
  const rule = RULES[request.action];
  const refuse = (
    code: DefectTransitionErrorCode,
    message: MessageKey,
    params: MessageParams = {},
  ): DefectTransitionDecision => ({ ok: false, code, message, params });
  if (scopeFor(request.role, rule.permission) === null)
    return refuse("forbidden_role", `defect:errors.transition.role.${request.action}`);
  if (rule.ownContractor && !request.isOwnContractor)
    return refuse("not_own_contractor", "defect:errors.transition.notOwnContractor");
  if (request.state !== rule.from)
    // The state's own words fill {{state}} when the message is rendered (see transitionDefect).
    return refuse("wrong_state", `defect:errors.transition.wrongState.${request.action}`, {
      state: request.state,
    });
  if (rule.commentRequired && !(request.comment ?? "").trim())
    return refuse(
      "comment_required",
      `defect:errors.transition.commentRequired.${request.action as "reply" | "return"}`,
    );
  if (rule.photoRequired && (request.newAfterPhotos ?? 0) < 1)
    return refuse("photo_required", "defect:errors.transition.photoRequired");
  return { ok: true, next: rule.to };
}

/** Actions to offer this user now (the comment is checked when the action is taken). */
export function allowedDefectActions(
  state: DefectState,
  role: Role,
  isOwnContractor: boolean,
): DefectAction[] {
  return DEFECT_ACTIONS.filter(
    (action) =>
      decideDefectTransition({
        state,
        action,
        role,
        isOwnContractor,
        comment: "-",
        newAfterPhotos: 1,
      }).ok,
  );
}

/** Who acts next, for lists (a key of defect:nextStep.*); null when closed. */
export function nextStep(state: DefectState): Exclude<DefectState, "closed"> | null {
  return state === "closed" ? null : state;
}

/** Overdue once the due day (China time) has ended without the defect being closed. */
export function isOverdue(dueOn: Date, status: DefectState, now: Date): boolean {
  if (status === "closed") return false;
  return now.getTime() >= dueOn.getTime() + DAY_MS;
}
