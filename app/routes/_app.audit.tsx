import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, AUDIT_PAGE_SIZE } from "~/modules/audit/labels";
import { searchAudit } from "~/modules/audit/search.server";
import { verifyDatabase } from "~/modules/audit/verify.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { formatDateTime } from "~/modules/site/labels";

export const meta: MetaFunction = () => [{ title: "操作记录 · 验收" }];

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .transform((v) => new Date(`${v}T00:00:00+08:00`));
const QuerySchema = z.object({
  actorId: z.string().min(1).optional().catch(undefined),
  entityType: z.string().min(1).optional().catch(undefined),
  entityId: z.string().trim().min(1).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day
    .transform((d) => new Date(d.getTime() + 86_400_000))
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).default(1).catch(1),
  verify: z.literal("1").optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "audit.view");
  const params = new URL(request.url).searchParams;
  const q = QuerySchema.parse(Object.fromEntries(params));
  // A lot number is what people know; resolve it to the lot's id.
  let entityId = q.entityId;
  if (entityId) {
    const lot = await db().inspectionLot.findUnique({
      where: { number: entityId },
      select: { id: true },
    });
    entityId = lot?.id ?? entityId;
  }
  const [result, report] = await Promise.all([
    searchAudit(db(), { ...q, entityId }),
    q.verify ? verifyDatabase(db()) : Promise.resolve(null),
  ]);
  return { ...result, page: q.page, report, filters: Object.fromEntries(params) };
}

export default function AuditLog() {
  const { rows, total, actors, page, report, filters } = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const withPage = (p: number) =>
    `?${new URLSearchParams({ ...filters, page: String(p), verify: "" }).toString()}`;
  return (
    <>
      <PageHeader
        title="操作记录"
        subtitle="每一次状态变化都写入首尾相连的哈希链；任何事后修改都会在校验时被发现。"
        actions={
          <a className="button" href="/audit/export" download>
            导出操作记录链（JSON Lines）
          </a>
        }
      />
      <section className="panel audit-verify">
        <Form method="get">
          <input type="hidden" name="verify" value="1" />
          <button className="button button-primary" type="submit" disabled={busy}>
            {busy ? "正在校验…" : "校验操作记录链和签认记录"}
          </button>
        </Form>
        {report ? (
          <div className="verify-report" role="status">
            {report.chainBreak ? (
              <p className="alert alert-error">
                ✗ {report.chainBreak.messageZh}
                <br />
                <small>
                  应为 {report.chainBreak.expected}，实为 {report.chainBreak.actual}
                </small>
              </p>
            ) : (
              <p className="alert">✓ {report.events} 条操作记录，链条完整。</p>
            )}
            {report.recordBreaks.length > 0 ? (
              <ul className="alert alert-error verify-breaks">
                {report.recordBreaks.map((b) => (
                  <li key={`${b.entityId}${b.messageZh}`}>
                    ✗ {b.label}：{b.messageZh}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="alert">
                ✓ 业务记录与操作记录一致，{report.signedRecords} 份签认记录内容未被修改。
              </p>
            )}
            <p className="muted">校验时间 {formatDateTime(report.checkedAt)}</p>
          </div>
        ) : null}
      </section>

      <Form method="get" className="panel audit-filters">
        <label className="field">
          <span>操作人</span>
          <select name="actorId" defaultValue={filters.actorId ?? ""}>
            <option value="">全部</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>对象类型</span>
          <select name="entityType" defaultValue={filters.entityType ?? ""}>
            <option value="">全部</option>
            {Object.entries(AUDIT_ENTITY_LABELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>对象编号</span>
          <input name="entityId" placeholder="如 NH-SR-001" defaultValue={filters.entityId ?? ""} />
        </label>
        <label className="field">
          <span>从</span>
          <input type="date" name="from" defaultValue={filters.from ?? ""} />
        </label>
        <label className="field">
          <span>至</span>
          <input type="date" name="to" defaultValue={filters.to ?? ""} />
        </label>
        <button className="button" type="submit">
          查询
        </button>
      </Form>

      <p className="muted">共 {total} 条</p>
      <table className="table audit-table">
        <thead>
          <tr>
            <th>序号</th>
            <th>时间</th>
            <th>操作人</th>
            <th>操作</th>
            <th>对象</th>
            <th>哈希</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.seq}>
              <td>{r.seq}</td>
              <td>{formatDateTime(r.at)}</td>
              <td>{r.actor}</td>
              <td>{AUDIT_ACTION_LABELS[r.action] ?? r.action}</td>
              <td>
                {AUDIT_ENTITY_LABELS[r.entityType] ?? r.entityType}{" "}
                {r.href ? <Link to={r.href}>{r.entityLabel}</Link> : r.entityLabel}
              </td>
              <td className="hash">{r.hash.slice(0, 12)}…</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 ? (
        <nav className="chips pager" aria-label="分页">
          {page > 1 ? (
            <Link className="chip" to={withPage(page - 1)}>
              上一页
            </Link>
          ) : null}
          <span className="chip">
            第 {page} / {pages} 页
          </span>
          {page < pages ? (
            <Link className="chip" to={withPage(page + 1)}>
              下一页
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
