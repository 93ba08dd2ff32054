/**
 * Defect (质量问题) rectification loop (整改闭环): the supervisor raises a defect, the contractor
 * it is assigned to acknowledges it and replies with its fix, the supervisor closes it or sends
 * it back. Pure; callers load the defect, ask for a decision, then persist `next`.
 */
import type { Role } from "~/modules/auth/permissions";

export const DEFECT_STATES = ["open", "in_progress", "submitted", "closed"] as const;
export type DefectState = (typeof DEFECT_STATES)[number];

export const DEFECT_ACTIONS = ["acknowledge", "reply", "close", "return"] as const;
export type DefectAction = (typeof DEFECT_ACTIONS)[number];

export const DEFECT_STATE_LABELS_ZH: Record<DefectState, string> = {
  open: "待整改",
  in_progress: "整改中",
  submitted: "待复查",
  closed: "已关闭",
};

export const DEFECT_ACTION_LABELS_ZH: Record<DefectAction, string> = {
  acknowledge: "确认整改",
  reply: "提交整改回复",
  close: "复查通过关闭",
  return: "退回",
};

export const SEVERITIES = ["general", "major", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_LABELS_ZH: Record<Severity, string> = {
  general: "一般",
  major: "较重",
  critical: "严重",
};

/** Default rectification period per severity, in calendar days (editable when raising). */
export const DEFAULT_DUE_DAYS: Record<Severity, number> = {
  general: 7,
  major: 3,
  critical: 1,
};

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
  | { ok: false; code: DefectTransitionErrorCode; messageZh: string };

type Actor = "contractor" | "supervisor";

interface Rule {
  actor: Actor;
  from: DefectState;
  to: DefectState;
  roleMessageZh: string;
  commentRequiredZh?: string;
  photoRequiredZh?: string;
}

const RULES: Record<DefectAction, Rule> = {
  acknowledge: {
    actor: "contractor",
    from: "open",
    to: "in_progress",
    roleMessageZh: "只有被指定的施工单位可以确认整改",
  },
  reply: {
    actor: "contractor",
    from: "in_progress",
    to: "submitted",
    roleMessageZh: "只有被指定的施工单位可以提交整改回复",
    commentRequiredZh: "提交整改回复必须填写整改情况说明",
    photoRequiredZh: "提交整改回复前请先上传整改后照片",
  },
  close: {
    actor: "supervisor",
    from: "submitted",
    to: "closed",
    roleMessageZh: "只有监理可以复查关闭",
  },
  return: {
    actor: "supervisor",
    from: "submitted",
    to: "in_progress",
    roleMessageZh: "只有监理可以退回整改",
    commentRequiredZh: "退回必须填写原因",
  },
};

const WRONG_STATE_ZH: Record<DefectAction, string> = {
  acknowledge: "只有待整改的质量问题可以确认整改",
  reply: "请先确认整改；已提交或已关闭的质量问题不能再提交回复",
  close: "只有待复查的质量问题可以复查关闭",
  return: "只有待复查的质量问题可以退回",
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
  if (request.role !== rule.actor)
    return { ok: false, code: "forbidden_role", messageZh: rule.roleMessageZh };
  if (rule.actor === "contractor" && !request.isOwnContractor)
    return { ok: false, code: "not_own_contractor", messageZh: "只有本质量问题的施工单位可以操作" };
  if (request.state !== rule.from)
    return {
      ok: false,
      code: "wrong_state",
      messageZh: `${DEFECT_STATE_LABELS_ZH[request.state]}：${WRONG_STATE_ZH[request.action]}`,
    };
  if (rule.commentRequiredZh && !(request.comment ?? "").trim())
    return { ok: false, code: "comment_required", messageZh: rule.commentRequiredZh };
  if (rule.photoRequiredZh && (request.newAfterPhotos ?? 0) < 1)
    return { ok: false, code: "photo_required", messageZh: rule.photoRequiredZh };
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

/** Who acts next, for lists (待施工单位… / 待监理…); null when closed. */
export function nextStepZh(state: DefectState): string | null {
  switch (state) {
    case "open":
      return "待施工单位确认整改";
    case "in_progress":
      return "待施工单位提交整改回复";
    case "submitted":
      return "待监理复查";
    case "closed":
      return null;
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** 00:00 China time of the calendar day (China time) containing `at`. */
export function chinaDayStart(at: Date): Date {
  const shifted = at.getTime() + CHINA_OFFSET_MS;
  return new Date(shifted - (((shifted % DAY_MS) + DAY_MS) % DAY_MS) - CHINA_OFFSET_MS);
}

/** The default due day: today (China time) plus the severity's period. */
export function defaultDueOn(severity: Severity, now: Date): Date {
  return new Date(chinaDayStart(now).getTime() + DEFAULT_DUE_DAYS[severity] * DAY_MS);
}

/** 'YYYY-MM-DD' of a due day (China time), for date inputs and display. */
export function dueOnIso(dueOn: Date): string {
  return new Date(dueOn.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Parses 'YYYY-MM-DD' as that China-time day; null when not a valid date. */
export function parseDueOn(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const at = new Date(`${value}T00:00:00+08:00`);
  // A rolled-over day (2021-02-30 → 03-02) reads back differently: refused.
  return Number.isNaN(at.getTime()) || dueOnIso(at) !== value ? null : at;
}

/** Overdue once the due day (China time) has ended without the defect being closed. */
export function isOverdue(dueOn: Date, status: DefectState, now: Date): boolean {
  if (status === "closed") return false;
  return now.getTime() >= dueOn.getTime() + DAY_MS;
}
