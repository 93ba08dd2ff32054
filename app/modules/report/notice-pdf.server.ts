import type { Db } from "~/infra/db.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { noticeRecordWords } from "~/modules/defect/notice-record";
import { noticeView } from "~/modules/defect/notice-view.server";
import { getNotice } from "~/modules/defect/notices.server";
import { fixedT } from "~/modules/i18n/i18n.server";
import type { PhotoStorage } from "~/modules/photo/storage.server";
import { PdfReport } from "./pdf.server";
import { thumbsForPdf } from "./photo-thumbs.server";
import { photoCell } from "./registers.server";

/**
 * 监理通知单 and its 回复单 as filed, in the language of record (decision 0024): the notice with
 * each defect and its 整改前 photo, then the reply with each defect's answer and 整改后 photo.
 * Null when the viewer may not see the notice.
 */
export async function noticePdf(
  db: Db,
  viewer: Actor,
  scope: Scope,
  noticeId: string,
  storage?: PhotoStorage,
) {
  const row = await getNotice(db, noticeId, viewer, scope);
  if (!row) return null;
  const n = noticeView(row);
  const w = noticeRecordWords(n, fixedT("zh-CN"));
  const c = w.columns;
  const thumbs = await thumbsForPdf(
    db,
    n.defects.flatMap((d) => [d.beforePhotoId, d.afterPhotoId]),
    storage,
  );
  const pdf = new PdfReport(w.heading, w.heading);
  pdf.heading(w.title);
  pdf.line(w.project, { size: 9 });
  pdf.space(0.3);
  pdf.keyValues(
    [
      [w.to, w.toContractor],
      [w.subject, n.subject],
    ],
    1,
  );
  pdf.line(n.content);
  pdf.space(0.3);
  pdf.table(
    [
      { header: c.seq, width: 0.06, align: "center" },
      { header: c.number, width: 0.14 },
      { header: c.place, width: 0.16 },
      { header: c.defect, width: 0.3 },
      { header: c.severity, width: 0.09, align: "center" },
      { header: c.dueOn, width: 0.12, align: "center" },
      { header: c.before, width: 0.13, align: "center" },
    ],
    n.defects.map((d, i) => [
      String(d.seq),
      d.number,
      d.placeLabel,
      d.title,
      w.items[i]?.severity ?? "",
      d.dueOn,
      photoCell(thumbs, d.beforePhotoId),
    ]),
  );
  pdf.line(w.replyBy);
  pdf.space(0.5);
  pdf.line(w.issuerSign, { align: "right" });

  pdf.newPage();
  pdf.heading(w.replyTitle);
  pdf.line(w.replyNumber, { size: 9 });
  pdf.space(0.3);
  pdf.keyValues([[w.to, w.toSupervisor]], 1);
  pdf.line(w.replyIntro);
  pdf.space(0.3);
  pdf.table(
    [
      { header: c.number, width: 0.16 },
      { header: c.reply, width: 0.5 },
      { header: c.status, width: 0.12, align: "center" },
      { header: c.after, width: 0.22, align: "center" },
    ],
    n.defects.map((d, i) => [
      d.number,
      w.items[i]?.reply ?? "",
      w.items[i]?.status ?? "",
      photoCell(thumbs, d.afterPhotoId),
    ]),
  );
  pdf.line(w.replyText);
  pdf.space(0.5);
  pdf.line(w.contractorSign, { align: "right" });
  pdf.space(0.5);
  pdf.keyValues([[w.review, w.reviewText]], 1);
  return { pdf: await pdf.toBuffer(), number: n.number, file: w.file };
}
