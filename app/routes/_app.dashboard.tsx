import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import {
  DefectsByContractorChart,
  DefectTrendChart,
  LotsByWorkTypeChart,
} from "~/components/dashboard-charts-lazy";
import { PageHeader } from "~/components/page-header";
import { PlanCoverage } from "~/components/plan-coverage";
import { db } from "~/infra/db.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { dashboard } from "~/modules/dashboard/dashboard.server";
import { coverageByCompound } from "~/modules/plan/plan.server";
import { formatDate } from "~/modules/site/labels";

export const meta: MetaFunction = () => [{ title: "进度统计 · 验收" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "dashboard.view");
  const data = await dashboard(db(), user);
  const coverage = await coverageByCompound(
    db(),
    data.compounds.map((c) => c.id),
  );
  return {
    scope,
    data,
    coverage: Object.fromEntries(data.compounds.map((c) => [c.id, coverage.get(c.id) ?? null])),
  };
}

const PHASE_ZH = { done: "已结束", current: "进行中", upcoming: "未开始" } as const;

export default function DashboardPage() {
  const { scope, data, coverage } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="进度统计"
        subtitle={scope === "any" ? "全部小区的验收进度与质量问题" : "本单位相关小区的验收进度"}
      />
      {data.phases.map((p) => (
        <section key={p.name} className="panel">
          <h2>计划阶段 · {p.name}</h2>
          <ol className="phase-line">
            {p.phases.map((ph) => (
              <li key={ph.name} className={`phase-${ph.state}`}>
                <strong>{ph.name}</strong>
                <span>
                  {formatDate(ph.startsOn)} — {ph.endsOn ? formatDate(ph.endsOn) : "持续"}
                </span>
                <span>本阶段验收检验批 {ph.lotsAccepted} 个</span>
                <span className="badge">{PHASE_ZH[ph.state]}</span>
              </li>
            ))}
          </ol>
        </section>
      ))}
      {data.compounds.map((c) => (
        <section key={c.id} className="panel dash-compound">
          <h2>
            <Link to={`/compounds/${c.id}`}>{c.name}</Link>{" "}
            <small className="badge">竣工验收：{c.acceptanceZh}</small>
          </h2>
          <div className="stats">
            <div className="stat">
              <span className="stat-label">检验批 已验收/共</span>
              <span className="stat-value">
                {c.lotsAccepted} / {c.lotsTotal}
              </span>
            </div>
            {data.showDefects ? (
              <>
                <div className="stat">
                  <span className="stat-label">质量问题 未关闭</span>
                  <span className="stat-value">{c.defectsOpen}</span>
                </div>
                <div className="stat">
                  <span className="stat-label">其中逾期</span>
                  <span className="stat-value overdue">{c.defectsOverdue}</span>
                </div>
                <div className="stat">
                  <span className="stat-label">已关闭</span>
                  <span className="stat-value">{c.defectsClosed}</span>
                </div>
              </>
            ) : null}
          </div>
          <h3>检验批覆盖（按划分方案）</h3>
          <PlanCoverage compoundId={c.id} coverage={coverage[c.id] ?? null} limit={4} />
          {c.byWorkType.length === 0 ? (
            <p className="muted">尚无检验批。</p>
          ) : (
            <>
              <LotsByWorkTypeChart data={c.byWorkType} />
              <table className="table dash-table">
                <thead>
                  <tr>
                    <th>工程类别</th>
                    <th>已验收</th>
                    <th>未验收</th>
                  </tr>
                </thead>
                <tbody>
                  {c.byWorkType.map((w) => (
                    <tr key={w.name}>
                      <td>{w.name}</td>
                      <td>{w.accepted}</td>
                      <td>{w.remaining}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      ))}
      {data.showDefects ? (
        <>
          <section className="panel">
            <h2>质量问题 · 按施工单位及严重程度</h2>
            {data.byContractor.length === 0 ? (
              <p className="muted">尚无质量问题。</p>
            ) : (
              <>
                <DefectsByContractorChart data={data.byContractor} severities={data.severities} />
                <table className="table dash-table">
                  <thead>
                    <tr>
                      <th>施工单位</th>
                      {data.severities.map((s) => (
                        <th key={s.key}>{s.label}</th>
                      ))}
                      <th>逾期</th>
                      <th>已关闭</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.byContractor.map((r) => (
                      <tr key={String(r.name)}>
                        <td>{r.name}</td>
                        {data.severities.map((s) => (
                          <td key={s.key}>{r[s.key]}</td>
                        ))}
                        <td>{r.overdue}</td>
                        <td>{r.closed}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </section>
          <section className="panel">
            <h2>每周新增与关闭的质量问题</h2>
            {data.trend.length === 0 ? (
              <p className="muted">尚无质量问题。</p>
            ) : (
              <DefectTrendChart data={data.trend} />
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
