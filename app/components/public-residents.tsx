import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/modules/i18n/use-format";
import type { PublicResidents } from "~/modules/residents/public.server";

/** The residents' sections of the public page (公示, 评议, 满意度, 保修维修). */
export function PublicResidentSections({ code, data }: { code: string; data: PublicResidents }) {
  const { plan, summary } = data;
  const { t } = useTranslation("residents");
  const f = useFormat();
  return (
    <>
      {plan ? (
        <section className="panel" data-testid="public-plan">
          <h2>{t("publicPage.planTitle")}</h2>
          <ul translate="no">
            {plan.works.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          <p>
            {t("publicPage.budget", {
              amount: plan.budgetYuan / 10_000,
              start: f.date(plan.startsOn),
              end: f.date(plan.endsOn),
            })}
          </p>
          <p className="muted" translate="no">
            {plan.contracts.map((c) => t("record.contract", c)).join(t("survey.rows.separator"))}
          </p>
          <p>
            {t("publicPage.planReviews", { total: summary.plan.total, agree: summary.plan.agree })}
          </p>
          <Link
            className="button button-primary button-block"
            to={`/gongshi/${code}/review?topic=plan`}
          >
            {t("publicPage.reviewPlan")}
          </Link>
        </section>
      ) : null}
      {data.passed ? (
        <section className="panel" data-testid="public-satisfaction">
          <h2>{t("publicPage.satisfactionTitle")}</h2>
          <p>
            {summary.work.total > 0
              ? t("publicPage.satisfaction", {
                  total: summary.work.total,
                  average: summary.work.average ?? 0,
                  satisfied: summary.work.satisfied,
                })
              : t("publicPage.noSatisfaction")}
          </p>
          {summary.work.byBuilding.length > 0 ? (
            <ul className="public-progress">
              {summary.work.byBuilding.map((b) => (
                <li key={b.building}>
                  <span translate="no">{b.building}</span>
                  <span>
                    {t("publicPage.buildingScore", { count: b.count, average: b.average ?? 0 })}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          <Link
            className="button button-primary button-block"
            to={`/gongshi/${code}/review?topic=work`}
          >
            {t("publicPage.reviewWork")}
          </Link>
        </section>
      ) : null}
      {data.opinions.length > 0 ? (
        <section className="panel">
          <h2>{t("publicPage.opinionsTitle")}</h2>
          <ul className="public-opinions">
            {data.opinions.map((o) => (
              <li key={o.id}>
                <span className="muted">
                  <span translate="no">{o.building}</span> · {t(`rating.${o.rating}`)} ·{" "}
                  {f.date(o.createdAt)}
                </span>
                <p translate="no">{o.opinion}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.passed ? (
        <section className="panel" data-testid="public-repairs">
          <h2>{t("publicPage.repairsTitle")}</h2>
          {data.repairs.length === 0 ? <p>{t("publicPage.noRepairs")}</p> : null}
          <ul className="public-progress">
            {data.repairs.map((r) => (
              <li key={r.id}>
                <span translate="no">
                  {r.placeLabel} {r.title}
                </span>
                <span>
                  {t("publicPage.repaired")}
                  {r.closedAt ? t("publicPage.onDate", { date: f.date(r.closedAt) }) : ""} ·{" "}
                  {t(`publicPage.route.${r.route}`)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
