import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { db } from "~/infra/db.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { noticeView } from "~/modules/defect/notice-view.server";
import { getNotice } from "~/modules/defect/notices.server";
import { photoUrl } from "~/modules/photo/view";
import { formatDate } from "~/modules/site/labels";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `监理通知单 ${data?.notice.number ?? ""}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "notice.view");
  const notice = await getNotice(db(), params.noticeId ?? "", user, scope);
  if (!notice) notFound("notice");
  return { notice: noticeView(notice) };
}

/** 监理通知单 and, once answered, its 回复单: laid out as the forms people sign and file. */
export default function NoticePrint() {
  const { notice } = useLoaderData<typeof loader>();
  return (
    <main className="record">
      <p className="record-tools">
        <Link className="button" to={`/notices/${notice.id}`}>
          返回通知单
        </Link>
        <button className="button" type="button" onClick={() => window.print()}>
          打印
        </button>
      </p>
      <h1>监理通知单</h1>
      <p className="record-no">
        工程名称：{notice.project} · {notice.compound.name}　编号：{notice.number}
      </p>
      <table className="record-table">
        <tbody>
          <tr>
            <th>致</th>
            <td>{notice.contractor}（施工项目经理部）</td>
          </tr>
          <tr>
            <th>事由</th>
            <td>{notice.subject}</td>
          </tr>
          <tr>
            <th>内容</th>
            <td>
              <p>{notice.content}</p>
              <ol className="notice-print-list">
                {notice.defects.map((d) => (
                  <li key={d.id}>
                    {d.number} {d.placeLabel}：{d.title}（{d.severityZh}，{d.dueOn} 前完成）
                    <span className="notice-print-photos">
                      {d.beforePhotoId ? (
                        <img src={photoUrl(d.beforePhotoId, "thumb")} alt="整改前" />
                      ) : null}
                    </span>
                  </li>
                ))}
              </ol>
              <p>请于 {notice.replyDueOn} 前完成整改并回复。</p>
              <p className="sign-line">
                项目监理机构：{notice.issuedBy.organization.name}　{notice.issuedBy.title}：
                {notice.issuedBy.displayName}　日期：
                {formatDate(notice.issuedAt)}
              </p>
            </td>
          </tr>
        </tbody>
      </table>

      <h1 className="record-break">监理通知回复单</h1>
      <p className="record-no">
        工程名称：{notice.project} · {notice.compound.name}　编号：{notice.number}-HF
      </p>
      <table className="record-table">
        <tbody>
          <tr>
            <th>致</th>
            <td>{notice.issuedBy.organization.name}（项目监理机构）</td>
          </tr>
          <tr>
            <th>回复内容</th>
            <td>
              <p>
                我方接到编号为 {notice.number} 的监理通知单后，已按要求完成相关工作，请予以复查。
              </p>
              <ol className="notice-print-list">
                {notice.defects.map((d) => (
                  <li key={d.id}>
                    {d.number}：{d.reply ?? "（尚未回复）"}
                    <span className="notice-print-photos">
                      {d.afterPhotoId ? (
                        <img src={photoUrl(d.afterPhotoId, "thumb")} alt="整改后" />
                      ) : null}
                    </span>
                  </li>
                ))}
              </ol>
              <p>{notice.replyText ?? "（施工单位尚未提交回复单）"}</p>
              <p className="sign-line">
                施工项目经理部：{notice.contractor}　{notice.repliedBy?.title ?? "项目经理"}：
                {notice.repliedBy?.displayName ?? "　　　　"}　日期：
                {notice.repliedAt ? formatDate(notice.repliedAt) : "　　　　"}
              </p>
            </td>
          </tr>
          <tr>
            <th>复查意见</th>
            <td>
              <p>
                {notice.defects.every((d) => d.status === "closed")
                  ? "经复查，上述问题均已整改完毕，符合要求。"
                  : `复查中：${notice.defects.filter((d) => d.status === "closed").length}/${notice.defects.length} 项已复查关闭。`}
              </p>
            </td>
          </tr>
        </tbody>
      </table>
    </main>
  );
}
