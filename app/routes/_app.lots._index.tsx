import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { FilterSelect } from "~/components/filter-select";
import { PageHeader } from "~/components/page-header";
import { Pager } from "~/components/pager";
import { db } from "~/infra/db.server";
import { parseQuery } from "~/infra/forms";
import { scopeFor } from "~/modules/auth/permissions";
import { requireUser } from "~/modules/auth/require-user.server";
import { LotFilterSchema, lotRegisterCount, lotRegisterPage } from "~/modules/lot/list.server";
import { LOT_STATE_LABELS_ZH, LOT_STATES } from "~/modules/lot/workflow";
import { compoundWhere } from "~/modules/site/access.server";

export const meta: MetaFunction = () => [{ title: "检验批 · 验收" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "lot.view");
  const filter = parseQuery(LotFilterSchema, request);
  const after = new URL(request.url).searchParams.get("after") ?? undefined;
  const [page, total, compounds, workTypes, contractors] = await Promise.all([
    lotRegisterPage(db(), user, scope, filter, { after }),
    lotRegisterCount(db(), user, scope, filter),
    db().compound.findMany({
      where: compoundWhere(user, scopeFor(user.role, "compound.view")),
      select: { id: true, name: true },
      orderBy: { code: "asc" },
    }),
    db().workType.findMany({ select: { code: true, nameZh: true }, orderBy: { seq: "asc" } }),
    scope === "any"
      ? db().organization.findMany({
          where: { kind: "contractor" },
          select: { id: true, shortName: true },
          orderBy: { name: "asc" },
        })
      : [],
  ]);
  return {
    filter,
    lots: page.rows,
    next: page.next,
    total,
    compounds,
    workTypes,
    contractors,
    canExport: scopeFor(user.role, "report.export") !== null,
  };
}

export default function LotsPage() {
  const { filter, lots, next, total, compounds, workTypes, contractors, canExport } =
    useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <>
      <PageHeader title="检验批" subtitle={`共 ${total} 个，按小区、编号排序`} />
      {canExport ? (
        <p className="export-links">
          <a className="button" href={`/reports/lots.xlsx${search}`} download>
            导出 Excel
          </a>
        </p>
      ) : null}
      <Form method="get" className="filters panel" aria-label="筛选">
        <FilterSelect
          name="compoundId"
          label="小区"
          value={filter.compoundId}
          options={compounds.map((c) => ({ value: c.id, label: c.name }))}
        />
        <FilterSelect
          name="workType"
          label="工程类别"
          value={filter.workType}
          options={workTypes.map((w) => ({ value: w.code, label: w.nameZh }))}
        />
        <FilterSelect
          name="status"
          label="状态"
          value={filter.status}
          options={LOT_STATES.map((s) => ({ value: s, label: LOT_STATE_LABELS_ZH[s] }))}
        />
        {contractors.length > 0 ? (
          <FilterSelect
            name="contractorOrgId"
            label="施工单位"
            value={filter.contractorOrgId}
            options={contractors.map((c) => ({ value: c.id, label: c.shortName }))}
          />
        ) : null}
        <button type="submit" className="button">
          筛选
        </button>
      </Form>
      {lots.length === 0 ? (
        <p className="muted">没有检验批。</p>
      ) : (
        <table className="table lots-table">
          <thead>
            <tr>
              <th>编号</th>
              <th>小区 · 部位</th>
              <th>工程类别</th>
              <th>施工单位</th>
              <th>状态</th>
              <th>资料</th>
            </tr>
          </thead>
          <tbody>
            {lots.map((l) => (
              <tr key={l.id}>
                <td>
                  <Link to={`/lots/${l.id}`}>{l.number}</Link>
                </td>
                <td>
                  {l.compound} · {l.placeLabel}
                </td>
                <td>{l.workType}</td>
                <td>{l.contractor}</td>
                <td>{l.statusZh}</td>
                <td>{l.recordsComplete ? "齐全" : "未齐全"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager next={next} shown={lots.length} />
    </>
  );
}
