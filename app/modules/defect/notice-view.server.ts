import type { NoticeDetail } from "./notices.server";
import { dueOnIso } from "./workflow";

/** What the notice page, its printable form and its PDF show (labels stay codes). */
export function noticeView(n: NoticeDetail) {
  return {
    id: n.id,
    number: n.number,
    subject: n.subject,
    content: n.content,
    status: n.status,
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
      severity: d.severity,
      status: d.status,
      dueOn: dueOnIso(d.dueOn),
      reply: d.status === "submitted" || d.status === "closed" ? d.lastComment : null,
      beforePhotoId: d.photos.find((p) => p.role === "before")?.id ?? null,
      afterPhotoId: d.photos.findLast((p) => p.role === "after")?.id ?? null,
    })),
  };
}
export type NoticeView = ReturnType<typeof noticeView>;
