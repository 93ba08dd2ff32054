import { Link } from "@remix-run/react";

export type CoverageView = {
  status: string;
  totals: { planned: number; opened: number; accepted: number };
  subItems: {
    id: string;
    division: string;
    subDivision: string;
    name: string;
    planned: number;
    opened: number;
    accepted: number;
    missing: { id: string; placeLabel: string; href: string }[];
  }[];
};

/**
 * Planned / opened / accepted per 分项 of the compound's 检验批划分方案, each missing place
 * linking to where its lot is opened (at most `limit` per 分项, the rest on the plan page).
 */
export function PlanCoverage({
  compoundId,
  coverage,
  limit = 6,
}: {
  compoundId: string;
  coverage: CoverageView | null;
  limit?: number;
}) {
  const planHref = `/compounds/${compoundId}/plan`;
  if (!coverage)
    return (
      <p className="muted plan-none">
        尚无检验批划分方案：覆盖率无法计量。<Link to={planHref}>编制方案</Link>
      </p>
    );
  const { totals } = coverage;
  return (
    <div className="plan-coverage" data-testid="plan-coverage">
      <p>
        <Link to={planHref}>检验批划分方案</Link>
        {coverage.status === "approved" ? "（已批准）" : "（待总监理工程师批准）"}：计划{" "}
        <strong>{totals.planned}</strong> 批 · 已开 <strong>{totals.opened}</strong> · 已验收{" "}
        <strong>{totals.accepted}</strong>
      </p>
      <table className="table dash-table coverage-table">
        <thead>
          <tr>
            <th>分部 › 子分部 › 分项</th>
            <th>计划</th>
            <th>已开</th>
            <th>已验收</th>
            <th>未开检验批的部位</th>
          </tr>
        </thead>
        <tbody>
          {coverage.subItems.map((s) => (
            <tr key={s.id} data-sub-item={s.name}>
              <td>
                <span className="muted">
                  {s.division}
                  {s.subDivision ? ` › ${s.subDivision}` : ""} ›{" "}
                </span>
                {s.name}
              </td>
              <td>{s.planned}</td>
              <td>{s.opened}</td>
              <td>{s.accepted}</td>
              <td className="missing-places">
                {s.missing.slice(0, limit).map((m) => (
                  <Link key={m.id} className="chip" to={m.href}>
                    {m.placeLabel}
                  </Link>
                ))}
                {s.missing.length > limit ? (
                  <Link className="chip" to={planHref}>
                    另有 {s.missing.length - limit} 处
                  </Link>
                ) : null}
                {s.missing.length === 0 ? <span className="muted">无</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
