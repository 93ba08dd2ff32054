import { isNoticeState, NOTICE_STATE_LABELS_ZH } from "./notice-rules";
import type { NoticeDetail } from "./notices.server";
import {
  DEFECT_STATE_LABELS_ZH,
  dueOnIso,
  isDefectState,
  isSeverity,
  SEVERITY_LABELS_ZH,
} from "./workflow";

/** What the notice page and its printable form show. */
export function noticeView(n: NoticeDetail) {
  return {
    id: n.id,
    number: n.number,
    subject: n.subject,
    content: n.content,
    status: n.status,
    statusZh: isNoticeState(n.status) ? NOTICE_STATE_LABELS_ZH[n.status] : n.status,
    replyDueOn: dueOnIso(n.replyDueOn),
    issuedAt: n.issuedAt,
    project: n.compound.project.name,
    compound: n.compound,
    contractor: n.contractor.name,
    issuedBy: n.issuedBy,
    replyText: n.replyText,
    repliedAt: n.repliedAt,
    repliedBy: n.repliedBy,
    defects: n.defects.map(({ seq, defect: d }) => ({
      seq,
      id: d.id,
      number: d.number,
      title: d.title,
      description: d.description,
      placeLabel: d.placeLabel,
      severityZh: isSeverity(d.severity) ? SEVERITY_LABELS_ZH[d.severity] : d.severity,
      status: d.status,
      statusZh: isDefectState(d.status) ? DEFECT_STATE_LABELS_ZH[d.status] : d.status,
      dueOn: dueOnIso(d.dueOn),
      reply: d.status === "submitted" || d.status === "closed" ? d.lastComment : null,
      beforePhotoId: d.photos.find((p) => p.role === "before")?.id ?? null,
      afterPhotoId: d.photos.findLast((p) => p.role === "after")?.id ?? null,
    })),
  };
}
