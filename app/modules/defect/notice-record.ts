import type { Resources } from "~/locales/resources";
import { formatDate } from "~/modules/i18n/dates";
import type { Translate } from "./labels";
import type { NoticeView } from "./notice-view.server";

/**
 * The words of the signed 监理通知单 and its 回复单 (print page and PDF), made with the
 * translator of the language of record (decision 0024): every line a finished string.
 */
export function noticeRecordWords(n: NoticeView, t: Translate) {
  const r = (key: Parameters<typeof recordKey>[0], params: Record<string, string | number> = {}) =>
    t(recordKey(key), params);
  const blank = r("blank");
  const closed = n.defects.filter((d) => d.status === "closed").length;
  const severity = (s: string) => t(`defect:severity.${s}` as "defect:severity.general");
  const status = (s: string) => t(`defect:status.${s}` as "defect:status.open");
  return {
    title: r("title"),
    heading: r("heading", { number: n.number }),
    project: r("project", { project: n.project, compound: n.compound.name, number: n.number }),
    to: r("to"),
    toContractor: r("toContractor", { name: n.contractor }),
    subject: r("subject"),
    content: r("content"),
    columns: {
      seq: r("seq"),
      number: r("number"),
      place: r("place"),
      defect: r("defect"),
      severity: r("severity"),
      dueOn: r("dueOn"),
      before: r("before"),
      after: r("after"),
      reply: r("defectReply"),
      status: r("status"),
    },
    items: n.defects.map((d) => ({
      id: d.id,
      line: r("item", {
        number: d.number,
        place: d.placeLabel,
        title: d.title,
        severity: severity(d.severity),
        dueOn: d.dueOn,
      }),
      severity: severity(d.severity),
      status: status(d.status),
      reply: d.reply ?? r("notReplied"),
      replyLine: r("itemReply", { number: d.number, reply: d.reply ?? r("notReplied") }),
    })),
    replyBy: r("replyBy", { date: n.replyDueOn }),
    issuerSign: r("issuerSign", {
      org: n.issuedBy.organization.name,
      title: n.issuedBy.title,
      name: n.issuedBy.displayName,
      date: formatDate(n.issuedAt, "zh-CN"),
    }),
    replyTitle: r("replyTitle"),
    replyNumber: r("replyNumber", {
      project: n.project,
      compound: n.compound.name,
      number: n.number,
    }),
    toSupervisor: r("toSupervisor", { org: n.issuedBy.organization.name }),
    replyContent: r("replyContent"),
    replyIntro: r("replyIntro", { number: n.number }),
    replyText: n.replyText ?? r("noReplyYet"),
    contractorSign: r("contractorSign", {
      org: n.contractor,
      title: n.repliedBy?.title ?? r("managerTitle"),
      name: n.repliedBy?.displayName ?? blank,
      date: n.repliedAt ? formatDate(n.repliedAt, "zh-CN") : blank,
    }),
    review: r("review"),
    reviewText:
      closed === n.defects.length
        ? r("allClosed")
        : r("reviewing", { closed, total: n.defects.length }),
    file: r("file", { number: n.number }),
  };
}
export type NoticeRecordWords = ReturnType<typeof noticeRecordWords>;

type RecordKey = keyof Resources["defect"]["notice"]["record"];

function recordKey<K extends RecordKey>(key: K): `defect:notice.record.${K}` {
  return `defect:notice.record.${key}`;
}
