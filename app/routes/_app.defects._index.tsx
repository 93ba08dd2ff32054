import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { FilterSchema } from "~/modules/defect/forms";
import { defectRegister } from "~/modules/defect/register.server";
import {
  DEFECT_STATE_LABELS_ZH,
  DEFECT_STATES,
  SEVERITIES,
  SEVERITY_LABELS_ZH,
} from "~/modules/defect/workflow";

export const meta: MetaFunction = () => [{ title: "质量问题 · 验收" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "defect.view");
  const url = new URL(request.url);
  const filter = FilterSchema.parse(Object.fromEntries(url.searchParams));
  const defects = await defectRegister(db(), user, scope, filter);
  const any = scope === "any";
  return {
    mine: !any,
    filter,
    defects,
    compounds: any
      ? await db().compound.findMany({ select: { id: true, name: true }, orderBy: { code: "asc" } })
      : [],
    contractors: any
      ? await db().organization.findMany({
          where: { kind: "contractor" },
          select: { id: true, shortName: true },
          orderBy: { name: "asc" },
        })
      : [],
  };
}

export default function DefectsPage() {
  const { mine, filter, defects, compounds, contractors } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <>
      <PageHeader
        title={mine ? "我的整改" : "质量问题"}
        subtitle={
          mine ? "本单位需要整改的质量问题，按整改期限排序" : "按整改期限排序，已关闭的在最后"
        }
      />
      <p className="export-links">
        <a className="button" href={`/reports/defects.xlsx${search}`} download>
          导出 Excel
        </a>
        <a className="button" href={`/reports/defects.pdf${search}`} download>
          导出 PDF
        </a>
      </p>
      {!mine ? (
        <Form method="get" className="filters panel" aria-label="筛选">
          <select name="status" defaultValue={filter.status ?? ""} aria-label="状态">
            <option value="">全部状态</option>
            {DEFECT_STATES.map((s) => (
              <option key={s} value={s}>
                {DEFECT_STATE_LABELS_ZH[s]}
              </option>
            ))}
          </select>
          <select name="severity" defaultValue={filter.severity ?? ""} aria-label="严重程度">
            <option value="">全部严重程度</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {SEVERITY_LABELS_ZH[s]}
              </option>
            ))}
          </select>
          <select name="compoundId" defaultValue={filter.compoundId ?? ""} aria-label="小区">
            <option value="">全部小区</option>
            {compounds.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <select
            name="contractorOrgId"
            defaultValue={filter.contractorOrgId ?? ""}
            aria-label="施工单位"
          >
            <option value="">全部施工单位</option>
            {contractors.map((c) => (
              <option key={c.id} value={c.id}>
                {c.shortName}
              </option>
            ))}
          </select>
          <label className="check">
            <input type="checkbox" name="overdue" value="1" defaultChecked={!!filter.overdue} />
            仅逾期
          </label>
          <button type="submit" className="button">
            筛选
          </button>
        </Form>
      ) : null}
      {defects.length === 0 ? (
        <p className="muted">没有质量问题。</p>
      ) : (
        <table className="table defects-table">
          <thead>
            <tr>
              <th>编号</th>
              <th>问题</th>
              <th>小区 · 部位</th>
              {mine ? null : <th>施工单位</th>}
              <th>严重程度</th>
              <th>整改期限</th>
              <th>状态</th>
              <th>下一步</th>
            </tr>
          </thead>
          <tbody>
            {defects.map((d) => (
              <tr key={d.id} className={d.overdue ? "overdue-row" : undefined}>
                <td>
                  <Link to={`/defects/${d.id}`}>{d.number}</Link>
                </td>
                <td>{d.title}</td>
                <td>
                  {d.compound} · {d.placeLabel}
                </td>
                {mine ? null : <td>{d.contractor}</td>}
                <td>{d.severityZh}</td>
                <td className={d.overdue ? "overdue" : undefined}>
                  {d.dueOn}
                  {d.overdue ? "（已逾期）" : ""}
                </td>
                <td>{DEFECT_STATE_LABELS_ZH[d.status]}</td>
                <td>{d.next ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
