import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { FilterSelect } from "~/components/filter-select";
import { PageHeader } from "~/components/page-header";
import { Pager } from "~/components/pager";
import { db } from "~/infra/db.server";
import { parseQuery } from "~/infra/forms";
import { requireUser } from "~/modules/auth/require-user.server";
import { defectListCounts } from "~/modules/defect/defects.server";
import { FilterSchema } from "~/modules/defect/forms";
import { defectRegisterPage } from "~/modules/defect/register.server";
import {
  DEFECT_STATE_LABELS_ZH,
  DEFECT_STATES,
  type DefectState,
  SEVERITIES,
  SEVERITY_LABELS_ZH,
} from "~/modules/defect/workflow";
import { photoUrl } from "~/modules/photo/view";

export const meta: MetaFunction = () => [{ title: "质量问题 · 验收" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "defect.view");
  const filter = parseQuery(FilterSchema, request);
  const after = new URL(request.url).searchParams.get("after") ?? undefined;
  const any = scope === "any";
  const [page, allCounts, workTypes, compounds, contractors] = await Promise.all([
    defectRegisterPage(db(), user, scope, filter, { after }),
    defectListCounts(db(), user, scope, filter),
    db().workType.findMany({ select: { code: true, nameZh: true }, orderBy: { seq: "asc" } }),
    any
      ? db().compound.findMany({ select: { id: true, name: true }, orderBy: { code: "asc" } })
      : [],
    any
      ? db().organization.findMany({
          where: { kind: "contractor" },
          select: { id: true, shortName: true },
          orderBy: { name: "asc" },
        })
      : [],
  ]);
  const counts = Object.fromEntries(
    ["all", "overdue", ...DEFECT_STATES].map((k) => [k, allCounts[k] ?? 0]),
  ) as Record<DefectState | "all" | "overdue", number>;
  return {
    mine: !any,
    filter,
    counts,
    defects: page.rows,
    next: page.next,
    workTypes,
    compounds,
    contractors,
  };
}

export default function DefectsPage() {
  const { mine, filter, counts, defects, next, compounds, contractors, workTypes } =
    useLoaderData<typeof loader>();
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
          <FilterSelect
            name="status"
            label="状态"
            value={filter.status}
            options={DEFECT_STATES.map((s) => ({ value: s, label: DEFECT_STATE_LABELS_ZH[s] }))}
          />
          <FilterSelect
            name="severity"
            label="严重程度"
            value={filter.severity}
            options={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS_ZH[s] }))}
          />
          <FilterSelect
            name="compoundId"
            label="小区"
            value={filter.compoundId}
            options={compounds.map((c) => ({ value: c.id, label: c.name }))}
          />
          <FilterSelect
            name="contractorOrgId"
            label="施工单位"
            value={filter.contractorOrgId}
            options={contractors.map((c) => ({ value: c.id, label: c.shortName }))}
          />
          <FilterSelect
            name="workTypeCode"
            label="工程类别"
            value={filter.workTypeCode}
            options={workTypes.map((w) => ({ value: w.code, label: w.nameZh }))}
          />
          <input
            name="place"
            defaultValue={filter.place ?? ""}
            placeholder="部位，如 3栋"
            aria-label="部位"
            maxLength={100}
          />
          <label className="check">
            <input type="checkbox" name="overdue" value="1" defaultChecked={!!filter.overdue} />
            仅逾期
          </label>
          <button type="submit" className="button">
            筛选
          </button>
        </Form>
      ) : null}
      <p className="defect-counts" data-testid="defect-counts">
        共 {counts.all} 项：
        {DEFECT_STATES.map((s) => (
          <span key={s} className={`badge defect-status defect-${s}`}>
            {DEFECT_STATE_LABELS_ZH[s]} {counts[s]}
          </span>
        ))}
        <span className={counts.overdue > 0 ? "badge badge-overdue" : "badge"}>
          逾期 {counts.overdue}
        </span>
      </p>
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
              <th>整改前 / 后</th>
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
                <td className="before-after">
                  <Thumb id={d.beforePhotoId} label="整改前" />
                  <Thumb id={d.afterPhotoId} label="整改后" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager next={next} shown={defects.length} />
    </>
  );
}

function Thumb({ id, label }: { id: string | null; label: string }) {
  if (!id)
    return (
      <span className="thumb-missing" title={`${label}：无照片`}>
        无
      </span>
    );
  return <img src={photoUrl(id, "thumb")} alt={label} width={44} height={44} loading="lazy" />;
}
