/**
 * 监理通知单 rules: which defects may go on one notice, and when the contractor may answer it
 * with a 回复单. Pure; the notice module loads the rows and persists.
 */
import type { Role } from "~/modules/auth/permissions";
import type { DefectState } from "./workflow";

export const NOTICE_STATES = ["issued", "replied"] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];
export const NOTICE_STATE_LABELS_ZH: Record<NoticeState, string> = {
  issued: "待回复",
  replied: "已回复",
};

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
): string | null {
  if (defects.length === 0) return "请至少选择一项质量问题";
  for (const d of defects) {
    if (d.compoundId !== target.compoundId || d.contractorOrgId !== target.contractorOrgId)
      return `${d.number} 不属于本小区的该施工单位`;
    if (d.status === "closed") return `${d.number} 已关闭，不必再通知`;
    if (d.onOpenNotice) return `${d.number} 已在一份待回复的监理通知单中`;
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
}): string | null {
  if (request.role !== "contractor" || !request.isOwnContractor)
    return "只有被通知的施工单位可以回复";
  if (request.state !== "issued") return "该通知单已回复";
  const pending = request.defectStates.filter((s) => s === "open" || s === "in_progress").length;
  if (pending > 0) return `还有 ${pending} 项质量问题未提交整改回复，全部提交后才能回复通知单`;
  if (!request.replyText.trim()) return "请填写回复内容";
  return null;
}
