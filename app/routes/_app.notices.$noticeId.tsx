import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { isDomainError } from "~/infra/domain-error";
import { parseForm } from "~/infra/forms";
import { requestT } from "~/modules/auth/language.server";
import { scopeFor } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { NoticeReplySchema } from "~/modules/defect/forms";
import type { Translate } from "~/modules/defect/labels";
import { noticeView } from "~/modules/defect/notice-view.server";
import { getNotice, replyNotice, replyRefusalFor } from "~/modules/defect/notices.server";
import { photoUrl } from "~/modules/photo/view";
import { formatDate, formatDateTime } from "~/modules/site/labels";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `监理通知单 ${data?.notice.number ?? ""} · 验收` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "notice.view");
  const notice = await getNotice(db(), params.noticeId ?? "", user, scope);
  if (!notice) notFound("notice");
  const mayReply = scopeFor(user.role, "notice.reply") !== null;
  const t: Translate = await requestT(request);
  const refusal = replyRefusalFor(user, notice, "-");
  return {
    notice: noticeView(notice),
    // Why the reply form is not offered yet (null = it is), only for the notified contractor.
    reply: mayReply ? { blocked: refusal ? t(refusal.message, refusal.params) : null } : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireUser(request, "notice.reply");
  const parsed = parseForm(NoticeReplySchema, await request.formData());
  if (!parsed.ok)
    return data({ ok: false, message: Object.values(parsed.errors)[0] }, { status: 400 });
  try {
    await replyNotice(db(), user, scope, params.noticeId ?? "", parsed.data.replyText);
    return { ok: true, message: "回复单已提交" };
  } catch (error) {
    if (isDomainError(error)) {
      if (error.status === 404) notFound("notice");
      return data(
        { ok: false, message: error.text(await requestT(request)) },
        { status: error.status },
      );
    }
    throw error;
  }
}

export default function NoticePage() {
  const { notice, reply } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <PageHeader
        title={`监理通知单 ${notice.number}`}
        crumbs={[
          { to: "/notices", label: "监理通知单" },
          { to: `/compounds/${notice.compound.id}`, label: notice.compound.name },
        ]}
        subtitle={`致 ${notice.contractor} · ${notice.issuedBy.displayName}（${notice.issuedBy.title}）签发于 ${formatDate(notice.issuedAt)} · ${notice.replyDueOn} 前回复`}
        actions={
          <>
            <span className={`badge notice-${notice.status}`} data-testid="notice-status">
              {notice.statusZh}
            </span>
            <Link className="button" to={`/notices/${notice.id}/print`}>
              打印通知单
            </Link>
            <a className="button" href={`/reports/notices/${notice.id}.pdf`} download>
              下载 PDF
            </a>
          </>
        }
      />
      {result?.message ? (
        <p
          className={result.ok ? "alert" : "alert alert-error"}
          role={result.ok ? "status" : "alert"}
        >
          {result.message}
        </p>
      ) : null}
      <section className="panel">
        <h2>事由：{notice.subject}</h2>
        <p>{notice.content}</p>
        <table className="table notice-defects-table" data-testid="notice-defects">
          <thead>
            <tr>
              <th>序号</th>
              <th>问题</th>
              <th>部位</th>
              <th>严重程度</th>
              <th>整改期限</th>
              <th>状态</th>
              <th>整改前 / 后</th>
            </tr>
          </thead>
          <tbody>
            {notice.defects.map((d) => (
              <tr key={d.id}>
                <td>{d.seq}</td>
                <td>
                  <Link to={`/defects/${d.id}`}>{d.number}</Link> {d.title}
                  {d.reply ? <div className="muted">回复：{d.reply}</div> : null}
                </td>
                <td>{d.placeLabel}</td>
                <td>{d.severityZh}</td>
                <td>{d.dueOn}</td>
                <td>
                  <span className={`badge defect-status defect-${d.status}`}>{d.statusZh}</span>
                </td>
                <td className="before-after">
                  {d.beforePhotoId ? (
                    <img src={photoUrl(d.beforePhotoId, "thumb")} alt="整改前" />
                  ) : null}
                  {d.afterPhotoId ? (
                    <img src={photoUrl(d.afterPhotoId, "thumb")} alt="整改后" />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel" aria-labelledby="reply-title">
        <h2 id="reply-title">回复单</h2>
        {notice.repliedAt ? (
          <>
            <p data-testid="notice-reply">{notice.replyText}</p>
            <p className="muted">
              {notice.repliedBy?.displayName}（{notice.repliedBy?.title}）回复于{" "}
              {formatDateTime(notice.repliedAt)}
            </p>
          </>
        ) : reply ? (
          reply.blocked ? (
            <p className="alert">{reply.blocked}</p>
          ) : (
            <Form method="post" className="form-stack">
              <label>
                回复内容
                <textarea
                  name="replyText"
                  rows={4}
                  maxLength={4000}
                  required
                  defaultValue="我方已按通知要求完成上述质量问题的整改，各项整改回复及照片已逐项提交，请予复查。"
                />
              </label>
              <div className="workflow-buttons">
                <button type="submit" className="button button-primary" disabled={busy}>
                  提交回复单
                </button>
              </div>
            </Form>
          )
        ) : (
          <p className="muted">施工单位尚未回复。</p>
        )}
      </section>
    </>
  );
}
