import type { Db } from "~/infra/db.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { noticeView } from "~/modules/defect/notice-view.server";
import { getNotice } from "~/modules/defect/notices.server";
import type { PhotoStorage } from "~/modules/photo/storage.server";
import { formatDate } from "~/modules/site/labels";
import { PdfReport } from "./pdf.server";
import { thumbsForPdf } from "./photo-thumbs.server";
import { photoCell } from "./registers.server";

/**
 * 监理通知单 and its 回复单 as filed: the notice with each defect and its 整改前 photo, then the
 * reply with each defect's answer and 整改后 photo. Null when the viewer may not see the notice.
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
  const thumbs = await thumbsForPdf(
    db,
    n.defects.flatMap((d) => [d.beforePhotoId, d.afterPhotoId]),
    storage,
  );
  const pdf = new PdfReport(`监理通知单 ${n.number}`, `监理通知单 ${n.number}`);
  pdf.heading("监理通知单");
  pdf.line(`工程名称：${n.project} · ${n.compound.name}　　编号：${n.number}`, { size: 9 });
  pdf.space(0.3);
  pdf.keyValues(
    [
      ["致", `${n.contractor}（施工项目经理部）`],
      ["事由", n.subject],
    ],
    1,
  );
  pdf.line(n.content);
  pdf.space(0.3);
  pdf.table(
    [
      { header: "序号", width: 0.06, align: "center" },
      { header: "编号", width: 0.14 },
      { header: "部位", width: 0.16 },
      { header: "问题", width: 0.3 },
      { header: "严重程度", width: 0.09, align: "center" },
      { header: "整改期限", width: 0.12, align: "center" },
      { header: "整改前", width: 0.13, align: "center" },
    ],
    n.defects.map((d) => [
      String(d.seq),
      d.number,
      d.placeLabel,
      d.title,
      d.severityZh,
      d.dueOn,
      photoCell(thumbs, d.beforePhotoId),
    ]),
  );
  pdf.line(`请于 ${n.replyDueOn} 前完成整改并回复。`);
  pdf.space(0.5);
  pdf.line(
    `项目监理机构：${n.issuedBy.organization.name}　${n.issuedBy.title}：${n.issuedBy.displayName}　日期：${formatDate(n.issuedAt)}`,
    { align: "right" },
  );

  pdf.newPage();
  pdf.heading("监理通知回复单");
  pdf.line(`工程名称：${n.project} · ${n.compound.name}　　编号：${n.number}-HF`, { size: 9 });
  pdf.space(0.3);
  pdf.keyValues([["致", `${n.issuedBy.organization.name}（项目监理机构）`]], 1);
  pdf.line(`我方接到编号为 ${n.number} 的监理通知单后，已按要求完成相关工作，请予以复查。`);
  pdf.space(0.3);
  pdf.table(
    [
      { header: "编号", width: 0.16 },
      { header: "整改回复", width: 0.5 },
      { header: "状态", width: 0.12, align: "center" },
      { header: "整改后", width: 0.22, align: "center" },
    ],
    n.defects.map((d) => [
      d.number,
      d.reply ?? "（尚未回复）",
      d.statusZh,
      photoCell(thumbs, d.afterPhotoId),
    ]),
  );
  pdf.line(n.replyText ?? "（施工单位尚未提交回复单）");
  pdf.space(0.5);
  pdf.line(
    `施工项目经理部：${n.contractor}　${n.repliedBy?.title ?? "项目经理"}：${n.repliedBy?.displayName ?? "　　　　"}　日期：${n.repliedAt ? formatDate(n.repliedAt) : "　　　　"}`,
    { align: "right" },
  );
  const closed = n.defects.filter((d) => d.status === "closed").length;
  pdf.space(0.5);
  pdf.keyValues(
    [
      [
        "复查意见",
        closed === n.defects.length
          ? "经复查，上述问题均已整改完毕，符合要求。"
          : `复查中：${closed}/${n.defects.length} 项已复查关闭。`,
      ],
    ],
    1,
  );
  return { pdf: await pdf.toBuffer(), number: n.number };
}
