/**
 * 监理通知单 rules: which defects may go on one notice, and when the contractor may answer it
 * with a 回复单. Pure; the notice module loads the rows and persists.
 */
import type { MessageParams } from "~/infra/domain-error";
import type { MessageKey } from "~/locales/resources";
import { type Role, scopeFor } from "~/modules/auth/permissions";
import type { DefectState } from "./workflow";

export const NOTICE_STATES = ["issued", "replied"] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];

/** Why a notice is refused: a message key and its parameters. */
export type NoticeRefusal = { message: MessageKey; params?: MessageParams };

export function isNoticeState(value: unknown): value is NoticeState {
  return typeof value === "string" && (NOTICE_STATES as readonly string[]).includes(value);
}

export type NoticeCandidate = {
  number: string;
  compoundId: string;
  contractorOrgId: string;
  status: DefectState;
  /** already on a notice that has not been answered */
  onOpenNotice: boolean;
};

export function noticeDefectsRefusal(
  defects: readonly NoticeCandidate[],
  target: { compoundId: string; contractorOrgId: string },
): NoticeRefusal | null {
  if (defects.length === 0) return { message: "defect:errors.notice.noneChosen" };
  for (const d of defects) {
    const params = { number: d.number };
    if (d.compoundId !== target.compoundId || d.contractorOrgId !== target.contractorOrgId)
      return { message: "defect:errors.notice.otherTarget", params };
    if (d.status === "closed") return { message: "defect:errors.notice.closed", params };
    if (d.onOpenNotice) return { message: "defect:errors.notice.onOpenNotice", params };
  }
  return null;
}

/** The contractor answers once every defect on the notice is replied to (待复查) or closed. */
export function noticeReplyRefusal(request: {
  role: Role;
  isOwnContractor: boolean;
  state: NoticeState;
  defectStates: readonly DefectState[];
  replyText: string;
}): NoticeRefusal | null {
  if (scopeFor(request.role, "notice.reply") === null || !request.isOwnContractor)
    return { message: "defect:errors.notice.replierOnly" };
  if (request.state !== "issued") return { message: "defect:errors.notice.alreadyReplied" };
  const pending = request.defectStates.filter((s) => s === "open" || s === "in_progress").length;
  if (pending > 0)
    // the key without its plural suffix: i18next picks _one/_other from the count
    return { message: "defect:errors.notice.pending" as MessageKey, params: { count: pending } };
  if (!request.replyText.trim()) return { message: "defect:errors.notice.replyRequired" };
  return null;
}
