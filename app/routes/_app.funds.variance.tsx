import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { scopeFor } from "~/modules/auth/permissions";
import { requireUser } from "~/modules/auth/require-user.server";
import { varianceReport, varianceView } from "~/modules/fund/reports.server";
import fundStyles from "~/styles/funds.css?url";

export const links = () => [{ rel: "stylesheet", href: fundStyles }];
export const meta: MetaFunction = () => [{ title: "差异报表 · 资金监管 · 验收" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, "fund.audit");
  return {
    ...varianceView(await varianceReport(db())),
    canExport: scopeFor(user.role, "report.export") !== null,
    canVerify: scopeFor(user.role, "audit.view") !== null,
  };
}

export default function VariancePage() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="差异报表：合同 / 已验收 / 已审核 / 已支付"
        crumbs={[{ to: "/funds", label: "资金监管" }]}
        subtitle="每项为“工程量 / 金额（元）”；已审核含已审批、已支付，不含已冲正"
        actions={
          <>
            {d.canExport ? (
              <a className="button button-primary" href="/funds/variance.xlsx" download>
                导出 Excel
              </a>
            ) : null}
            {d.canVerify ? (
              <Link className="button" to="/audit">
                校验操作记录
              </Link>
            ) : null}
          </>
        }
      />
      <div className="stats">
        <div className="stat">
          <span className="stat-label">合同金额</span>
          <span className="stat-value">{d.totals.contract}</span>
        </div>
        <div className="stat">
          <span className="stat-label">已验收</span>
          <span className="stat-value">{d.totals.accepted}</span>
        </div>
        <div className="stat">
          <span className="stat-label">已审核</span>
          <span className="stat-value">{d.totals.certified}</span>
        </div>
        <div className="stat">
          <span className="stat-label">已支付（按单价，含质保金）</span>
          <span className="stat-value">{d.totals.paid}</span>
        </div>
      </div>
      <div className="fund-table-wrap">
        <table className="table fund-table" data-testid="variance">
          <thead>
            <tr>
              <th>标段</th>
              <th>清单</th>
              <th className="num">合同</th>
              <th className="num">已验收</th>
              <th className="num">已审核</th>
              <th className="num">已支付</th>
              <th>提示</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={`${r.contract}-${r.code}`}>
                <td className="fund-nowrap" title={r.contract}>
                  {r.contract.split("（")[0]}
                </td>
                <td>
                  {r.code} {r.name}（{r.unit}）
                </td>
                <td className="num">{r.contract_}</td>
                <td className="num">{r.accepted}</td>
                <td className="num">{r.certified}</td>
                <td className="num">{r.paid}</td>
                <td>{r.flag ? <span className="badge badge-warn">{r.flag}</span> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
