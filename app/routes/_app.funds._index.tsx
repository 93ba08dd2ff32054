import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { scopeFor } from "~/modules/auth/permissions";
import { requireUser } from "~/modules/auth/require-user.server";
import { listContracts } from "~/modules/fund/queries.server";
import { budgetSummary, varianceReport, varianceView } from "~/modules/fund/reports.server";
import fundStyles from "~/styles/funds.css?url";

export const links = () => [{ rel: "stylesheet", href: fundStyles }];
export const meta: MetaFunction = () => [{ title: "资金监管 · 验收" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "fund.view");
  const contracts = await listContracts(db(), user, scope);
  // Budget and the programme's totals are for those who see every contract.
  const overall = scope === "any";
  return {
    contracts,
    budget: overall ? await budgetSummary(db()) : null,
    overTime: overall ? varianceView(await varianceReport(db())).overTime : [],
    canAudit: scopeFor(user.role, "fund.audit") !== null,
  };
}

const toNumber = (s: string) => Number(s.replaceAll(",", ""));

export default function FundsPage() {
  const { contracts, budget, overTime, canAudit } = useLoaderData<typeof loader>();
  const maxTime = Math.max(
    1,
    ...overTime.map((t) => Math.max(toNumber(t.accepted), toNumber(t.paid))),
  );
  return (
    <>
      <PageHeader
        title="资金监管"
        subtitle="预算按来源和小区；计量支付只按已验收检验批覆盖的工程量（金额单位：元）"
        actions={
          canAudit ? (
            <Link className="button button-primary" to="/funds/variance">
              差异报表及导出
            </Link>
          ) : null
        }
      />
      <h2>合同（标段）</h2>
      <div className="fund-table-wrap">
        <table className="table fund-table">
          <thead>
            <tr>
              <th>标段</th>
              <th>小区</th>
              <th>施工单位</th>
              <th className="num">清单项目</th>
              <th className="num">合同金额</th>
            </tr>
          </thead>
          <tbody>
            {contracts.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/funds/contracts/${c.id}`}>{c.name}</Link>
                </td>
                <td>{c.compoundName}</td>
                <td>{c.contractorName}</td>
                <td className="num">{c.items}</td>
                <td className="num">{c.valueFen}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {budget ? (
        <>
          <h2>预算执行：按资金来源和小区（已支付 / 预算）</h2>
          <div className="fund-table-wrap">
            <table className="table fund-table" data-testid="budget-table">
              <thead>
                <tr>
                  <th>资金来源</th>
                  {budget.compounds.map((c) => (
                    <th key={c.id} className="num">
                      {c.name}
                    </th>
                  ))}
                  <th className="num">合计</th>
                </tr>
              </thead>
              <tbody>
                {budget.rows.map((r) => (
                  <tr key={r.source}>
                    <td>{r.sourceZh}</td>
                    {r.compounds.map((c, i) => (
                      <td key={budget.compounds[i]!.id} className="num">
                        {c.spent} / {c.budget}
                        <div className="fund-bar paid" title={`${c.percent}%`}>
                          <span style={{ width: `${Math.min(100, c.percent)}%` }} />
                        </div>
                      </td>
                    ))}
                    <td className="num">
                      {r.total.spent} / {r.total.budget}（{r.total.percent}%）
                    </td>
                  </tr>
                ))}
                <tr>
                  <th>合计</th>
                  {budget.colTotals.map((c, i) => (
                    <th key={budget.compounds[i]!.id} className="num">
                      {c.spent} / {c.budget}
                    </th>
                  ))}
                  <th className="num">
                    {budget.all.spent} / {budget.all.budget}（{budget.all.percent}%）
                  </th>
                </tr>
              </tbody>
            </table>
          </div>
          <p className="muted">
            已支付为实付金额（扣除质保金后）；质保金暂扣合计 {budget.retentionHeld}{" "}
            元，缺陷责任期满后返还。
          </p>
          <h2>已验收价值与已支付（累计，按月）</h2>
          {overTime.length === 0 ? (
            <p className="empty">尚无已验收的计量工程量</p>
          ) : (
            <table className="table fund-table" data-testid="over-time">
              <thead>
                <tr>
                  <th>月份</th>
                  <th className="num">已验收价值（累计）</th>
                  <th className="num">已支付（累计，含质保金）</th>
                </tr>
              </thead>
              <tbody>
                {overTime.map((t) => (
                  <tr key={t.month}>
                    <td>{t.month}</td>
                    <td className="num">
                      {t.accepted}
                      <div className="fund-bar">
                        <span style={{ width: `${(toNumber(t.accepted) / maxTime) * 100}%` }} />
                      </div>
                    </td>
                    <td className="num">
                      {t.paid}
                      <div className="fund-bar paid">
                        <span style={{ width: `${(toNumber(t.paid) / maxTime) * 100}%` }} />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
    </>
  );
}
