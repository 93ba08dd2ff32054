import { Link } from "@remix-run/react";
import type { PublicResidents } from "~/modules/residents/public.server";
import { formatDate } from "~/modules/site/labels";

const yuan = (n: number) => `${(n / 10_000).toLocaleString("zh-CN")} 万元`;

/** The residents' sections of the public page (公示, 评议, 满意度, 保修维修). */
export function PublicResidentSections({ code, data }: { code: string; data: PublicResidents }) {
  const { plan, summary } = data;
  return (
    <>
      {plan ? (
        <section className="panel" data-testid="public-plan">
          <h2>改造方案公示</h2>
          <ul>
            {plan.works.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          <p>
            投资估算 {yuan(plan.budgetYuan)}；计划 {formatDate(plan.startsOn)} 至{" "}
            {formatDate(plan.endsOn)}。
          </p>
          <p className="muted">{plan.contracts.join("；")}</p>
          <p>
            居民评议：{summary.plan.total} 户提交，{summary.plan.agree} 户同意。
          </p>
          <Link
            className="button button-primary button-block"
            to={`/gongshi/${code}/review?topic=plan`}
          >
            对改造方案提意见（评议）
          </Link>
        </section>
      ) : null}
      {data.passed ? (
        <section className="panel" data-testid="public-satisfaction">
          <h2>完工满意度</h2>
          <p>
            {summary.work.total > 0
              ? `${summary.work.total} 户评价，平均 ${summary.work.average} 分（5 分制），满意 ${summary.work.satisfied} 户。`
              : "尚无评价。"}
          </p>
          {summary.work.byBuilding.length > 0 ? (
            <ul className="public-progress">
              {summary.work.byBuilding.map((b) => (
                <li key={b.building}>
                  <span>{b.building}</span>
                  <span>
                    {b.count} 户 · 平均 {b.average} 分
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          <Link
            className="button button-primary button-block"
            to={`/gongshi/${code}/review?topic=work`}
          >
            评价完工质量（满意度）
          </Link>
        </section>
      ) : null}
      {data.opinions.length > 0 ? (
        <section className="panel">
          <h2>居民意见</h2>
          <ul className="public-opinions">
            {data.opinions.map((o) => (
              <li key={o.id}>
                <span className="muted">
                  {o.building} · {o.ratingZh} · {formatDate(o.createdAt)}
                </span>
                <p>{o.opinion}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.passed ? (
        <section className="panel" data-testid="public-repairs">
          <h2>保修维修</h2>
          {data.repairs.length === 0 ? <p>暂无已完成的维修。</p> : null}
          <ul className="public-progress">
            {data.repairs.map((r) => (
              <li key={r.id}>
                <span>
                  {r.placeLabel} {r.title}
                </span>
                <span>
                  已修复{r.closedAt ? `（${formatDate(r.closedAt)}）` : ""} · {r.byZh}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
