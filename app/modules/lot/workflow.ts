/**
 * Inspection-lot (检验批) workflow: the contractor self-checks and submits, the specialty
 * supervising engineer accepts or sends back (GB 50300-2013 §6.0.1). Pure; callers load the lot,
 * ask for a decision, then persist `next`.
 */

export const LOT_STATES = ["draft", "submitted", "rejected", "accepted"] as const;
export type LotState = (typeof LOT_STATES)[number];

export const LOT_ACTIONS = ["save", "submit", "accept", "reject", "reopen"] as const;
export type LotAction = (typeof LOT_ACTIONS)[number];

// Lot roles are the permission matrix's roles: one list, defined there.
export {
  isRole as isUserRole,
  ROLES as USER_ROLES,
  type Role as UserRole,
} from "~/modules/auth/permissions";

import type { Role as UserRole } from "~/modules/auth/permissions";
import { type AcceptRoute, routeAcceptRefusal } from "./acceptance-route";
import type { LotMessage } from "./messages";

export type LotTransitionErrorCode =
  | "forbidden_role"
  | "not_own_contractor"
  | "wrong_state"
  | "locked"
  | "verdict_not_acceptable"
  | "reason_required"
  | "chief_required";

export interface LotTransitionRequest {
  state: LotState;
  action: LotAction;
  role: UserRole;
  /** True when the user belongs to the contractor organisation the lot is assigned to. */
  isOwnContractor: boolean;
  verdictCanAccept: boolean;
  /** Appended to the refusal of 'accept', e.g. the verdict's summary. */
  verdictSummary?: string;
  reason?: string | null;
  /**
   * A §5.0.6 route recorded for this submission (acceptance-route.ts): with it a failing verdict
   * may be accepted; §5.0.6-3 by the 总监理工程师 only (`isChief`).
   */
  acceptRoute?: AcceptRoute | null;
  isChief?: boolean;
}

export type LotTransitionDecision =
  | { ok: true; next: LotState }
  | { ok: false; code: LotTransitionErrorCode; message: LotMessage };

export function isLotState(value: unknown): value is LotState {
  return typeof value === "string" && (LOT_STATES as readonly string[]).includes(value);
}

export function isLotAction(value: unknown): value is LotAction {
  return typeof value === "string" && (LOT_ACTIONS as readonly string[]).includes(value);
}

type Actor = "contractor" | "supervisor";

interface ActionRule {
  actor: Actor;
  from: readonly LotState[];
  to: LotState;
  roleMessage: LotMessage["key"];
  needsReason?: LotMessage["key"];
  needsVerdict?: boolean;
}

// 'save' is split by actor: the contractor edits before submitting, the supervisor while checking.
const SAVE_BY: Record<Actor, readonly LotState[]> = {
  contractor: ["draft", "rejected"],
  supervisor: ["draft", "submitted"],
};

const RULES: Record<Exclude<LotAction, "save">, ActionRule> = {
  submit: {
    actor: "contractor",
    from: ["draft", "rejected"],
    to: "submitted",
    roleMessage: "lot:workflow.submitRole",
  },
  accept: {
    actor: "supervisor",
    from: ["submitted"],
    to: "accepted",
    roleMessage: "lot:workflow.acceptRole",
    needsVerdict: true,
  },
  reject: {
    actor: "supervisor",
    from: ["submitted"],
    to: "rejected",
    roleMessage: "lot:workflow.rejectRole",
    needsReason: "lot:workflow.rejectReason",
  },
  reopen: {
    actor: "supervisor",
    from: ["accepted"],
    to: "draft",
    roleMessage: "lot:workflow.reopenRole",
    needsReason: "lot:workflow.reopenReason",
  },
};

const WRONG_STATE: Record<LotAction, Partial<Record<LotState, LotMessage["key"]>>> = {
  save: {
    submitted: "lot:workflow.saveSubmitted",
    rejected: "lot:workflow.saveRejected",
  },
  submit: {
    submitted: "lot:workflow.submitSubmitted",
    accepted: "lot:workflow.submitAccepted",
  },
  accept: {
    draft: "lot:workflow.acceptDraft",
    rejected: "lot:workflow.acceptRejected",
    accepted: "lot:workflow.acceptAccepted",
  },
  reject: {
    draft: "lot:workflow.rejectDraft",
    rejected: "lot:workflow.rejectRejected",
    accepted: "lot:workflow.rejectAccepted",
  },
  reopen: {
    draft: "lot:workflow.reopenNotAccepted",
    submitted: "lot:workflow.reopenNotAccepted",
    rejected: "lot:workflow.reopenNotAccepted",
  },
};

function refuse(
  code: LotTransitionErrorCode,
  key: LotMessage["key"],
  params?: LotMessage["params"],
): LotTransitionDecision {
  return { ok: false, code, message: { key, params } };
}

function wrongState(action: LotAction, state: LotState): LotTransitionDecision {
  const key = WRONG_STATE[action][state];
  return key
    ? refuse("wrong_state", key)
    : refuse("wrong_state", "lot:workflow.wrongState", { state, step: action });
}

/** A contractor acts only on lots assigned to its own organisation. */
function checkOrganisation(request: LotTransitionRequest): LotTransitionDecision | null {
  if (request.role === "contractor" && !request.isOwnContractor) {
    return refuse("not_own_contractor", "lot:workflow.notOwnContractor");
  }
  return null;
}

function decideSave(request: LotTransitionRequest): LotTransitionDecision {
  const { role, state } = request;
  if (role !== "contractor" && role !== "supervisor") {
    return refuse("forbidden_role", "lot:workflow.saveRole");
  }
  const organisationError = checkOrganisation(request);
  if (organisationError) return organisationError;
  if (state === "accepted") return refuse("locked", "lot:workflow.locked");
  if (!SAVE_BY[role].includes(state)) return wrongState("save", state);
  return { ok: true, next: state };
}

function hasText(reason: string | null | undefined): boolean {
  return typeof reason === "string" && reason.trim() !== "";
}

export function decideLotTransition(request: LotTransitionRequest): LotTransitionDecision {
  const { action, state } = request;
  if (action === "save") return decideSave(request);

  const rule = RULES[action];
  if (request.role !== rule.actor) return refuse("forbidden_role", rule.roleMessage);
  const organisationError = checkOrganisation(request);
  if (organisationError) return organisationError;
  if (!rule.from.includes(state)) return wrongState(action, state);
  if (rule.needsVerdict && !request.verdictCanAccept && request.acceptRoute) {
    const refusal = routeAcceptRefusal(request.acceptRoute, request.isChief === true);
    if (refusal) return refuse(refusal.code, refusal.key);
  } else if (rule.needsVerdict && !request.verdictCanAccept) {
    const detail = request.verdictSummary?.trim();
    return detail
      ? refuse("verdict_not_acceptable", "lot:workflow.verdictNotAcceptable", { detail })
      : refuse("verdict_not_acceptable", "lot:workflow.verdictFixFirst");
  }
  if (rule.needsReason && !hasText(request.reason)) {
    return refuse("reason_required", rule.needsReason);
  }
  return { ok: true, next: rule.to };
}

/**
 * Actions to offer in the UI for this user and state. The verdict and the reason are checked
 * only when the action is taken, so 'accept' is listed for a failing lot and explains itself.
 */
export function allowedLotActions(
  state: LotState,
  role: UserRole,
  isOwnContractor: boolean,
): LotAction[] {
  return LOT_ACTIONS.filter(
    (action) =>
      decideLotTransition({
        state,
        action,
        role,
        isOwnContractor,
        verdictCanAccept: true,
        reason: "-",
      }).ok,
  );
}
