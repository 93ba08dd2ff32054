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

export const LOT_STATE_LABELS_ZH: Record<LotState, string> = {
  draft: "草稿",
  submitted: "施工自检已提交",
  rejected: "监理退回",
  accepted: "监理验收合格",
};

export const LOT_ACTION_LABELS_ZH: Record<LotAction, string> = {
  save: "保存",
  submit: "提交自检",
  accept: "验收签认",
  reject: "退回",
  reopen: "撤销验收",
};

export type LotTransitionErrorCode =
  | "forbidden_role"
  | "not_own_contractor"
  | "wrong_state"
  | "locked"
  | "verdict_not_acceptable"
  | "reason_required";

export interface LotTransitionRequest {
  state: LotState;
  action: LotAction;
  role: UserRole;
  /** True when the user belongs to the contractor organisation the lot is assigned to. */
  isOwnContractor: boolean;
  verdictCanAccept: boolean;
  /** Appended to the refusal of 'accept', e.g. the verdict's summaryZh. */
  verdictSummaryZh?: string;
  reason?: string | null;
}

export type LotTransitionDecision =
  | { ok: true; next: LotState }
  | { ok: false; code: LotTransitionErrorCode; messageZh: string };

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
  roleMessageZh: string;
  needsReason?: string;
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
    roleMessageZh: "只有施工单位可以提交自检",
  },
  accept: {
    actor: "supervisor",
    from: ["submitted"],
    to: "accepted",
    roleMessageZh: "只有监理可以验收签认",
    needsVerdict: true,
  },
  reject: {
    actor: "supervisor",
    from: ["submitted"],
    to: "rejected",
    roleMessageZh: "只有监理可以退回",
    needsReason: "退回必须填写原因",
  },
  reopen: {
    actor: "supervisor",
    from: ["accepted"],
    to: "draft",
    roleMessageZh: "只有监理可以撤销验收",
    needsReason: "撤销验收必须填写原因",
  },
};

const WRONG_STATE_ZH: Record<LotAction, Partial<Record<LotState, string>>> = {
  save: {
    submitted: "已提交监理验收，施工单位不能修改；如需修改请等待监理退回",
    rejected: "检验批已退回施工单位整改，监理不能修改",
  },
  submit: {
    submitted: "已提交，等待监理验收",
    accepted: "检验批已验收合格，不能再提交",
  },
  accept: {
    draft: "施工单位尚未提交自检，不能验收",
    rejected: "检验批已退回，需施工单位重新提交后才能验收",
    accepted: "检验批已验收合格",
  },
  reject: {
    draft: "施工单位尚未提交自检，不能退回",
    rejected: "检验批已退回",
    accepted: "检验批已验收合格，如需修改请先撤销验收",
  },
  reopen: {
    draft: "只有已验收的检验批可以撤销验收",
    submitted: "只有已验收的检验批可以撤销验收",
    rejected: "只有已验收的检验批可以撤销验收",
  },
};

function refuse(code: LotTransitionErrorCode, messageZh: string): LotTransitionDecision {
  return { ok: false, code, messageZh };
}

function wrongState(action: LotAction, state: LotState): LotTransitionDecision {
  const message =
    WRONG_STATE_ZH[action][state] ??
    `${LOT_STATE_LABELS_ZH[state]}状态下不能${LOT_ACTION_LABELS_ZH[action]}`;
  return refuse("wrong_state", message);
}

/** A contractor acts only on lots assigned to its own organisation. */
function checkOrganisation(request: LotTransitionRequest): LotTransitionDecision | null {
  if (request.role === "contractor" && !request.isOwnContractor) {
    return refuse("not_own_contractor", "只有本检验批的施工单位可以操作");
  }
  return null;
}

function decideSave(request: LotTransitionRequest): LotTransitionDecision {
  const { role, state } = request;
  if (role !== "contractor" && role !== "supervisor") {
    return refuse("forbidden_role", "只有施工单位和监理可以填写检验批");
  }
  const organisationError = checkOrganisation(request);
  if (organisationError) return organisationError;
  if (state === "accepted") return refuse("locked", "检验批已验收合格，不能修改");
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
  if (request.role !== rule.actor) return refuse("forbidden_role", rule.roleMessageZh);
  const organisationError = checkOrganisation(request);
  if (organisationError) return organisationError;
  if (!rule.from.includes(state)) return wrongState(action, state);
  if (rule.needsVerdict && !request.verdictCanAccept) {
    const detail = request.verdictSummaryZh?.trim() || "请先处理不合格或未完成的项目";
    return refuse("verdict_not_acceptable", `验收结论不合格，不能签认：${detail}`);
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
