import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { Pager } from "~/components/pager";
import { db } from "~/infra/db.server";
import { scopeFor } from "~/modules/auth/permissions";
import { requireUser } from "~/modules/auth/require-user.server";
import { isNoticeState, NOTICE_STATE_LABELS_ZH } from "~/modules/defect/notice-rules";
import { listNoticesPage } from "~/modules/defect/notices.server";
import { dueOnIso } from "~/modules/defect/workflow";
import { formatDate } from "~/modules/site/labels";

export const meta: MetaFunction = () => [{ title: "监理通知单 · 验收" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "notice.view");
  const after = new URL(request.url).searchParams.get("after") ?? undefined;
  const { rows: notices, next } = await listNoticesPage(db(), user, scope, { after });
  const canIssue = scopeFor(user.role, "notice.issue") !== null;
  return {
    next,
    notices: notices.map((n) => ({
      id: n.id,
      number: n.number,
      subject: n.subject,
      statusZh: isNoticeState(n.status) ? NOTICE_STATE_LABELS_ZH[n.status] : n.status,
      status: n.status,
      issuedAt: n.issuedAt,
      replyDueOn: dueOnIso(n.replyDueOn),
      compound: n.compound.name,
      contractor: n.contractor.shortName,
      defects: n._count.defects,
    })),
    // Where a supervisor may issue one: each compound × contractor holding a contract there.
    targets: canIssue
      ? (
          await db().contract.findMany({
            select: {
              compound: { select: { id: true, name: true } },
              contractor: { select: { id: true, shortName: true } },
            },
            orderBy: { compound: { code: "asc" } },
          })
        ).map((c) => ({
          value: `${c.compound.id}:${c.contractor.id}`,
          label: `${c.compound.name} · ${c.contractor.shortName}`,
        }))
      : null,
  };
}

export default function NoticesPage() {
  const { notices, next, targets } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="监理通知单"
        subtitle="把未关闭的质量问题成批通知施工单位，并记录其回复单"
      />
      {targets ? (
        <Form method="get" action="/notices/new" className="panel filters" aria-label="签发通知单">
          <select name="target" aria-label="小区及施工单位" required defaultValue="">
            <option value="">选择小区及施工单位</option>
            {targets.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
          <button type="submit" className="button button-primary">
            签发通知单
          </button>
        </Form>
      ) : null}
      {notices.length === 0 ? (
        <p className="muted">暂无监理通知单。</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>编号</th>
              <th>事由</th>
              <th>小区 · 施工单位</th>
              <th>问题数</th>
              <th>签发日期</th>
              <th>回复期限</th>
              <th>状态</th>
            </tr>
          </thead>
          <tbody>
            {notices.map((n) => (
              <tr key={n.id}>
                <td>
                  <Link to={`/notices/${n.id}`}>{n.number}</Link>
                </td>
                <td>{n.subject}</td>
                <td>
                  {n.compound} · {n.contractor}
                </td>
                <td>{n.defects}</td>
                <td>{formatDate(n.issuedAt)}</td>
                <td>{n.replyDueOn}</td>
                <td>
                  <span className={`badge notice-${n.status}`}>{n.statusZh}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager next={next} shown={notices.length} />
    </>
  );
}
