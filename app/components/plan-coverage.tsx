import { Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { useStandardName } from "~/components/lot/standard-name";
import { MISSING_SHOWN } from "~/modules/plan/coverage-shown";

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
    /** how many planned places have no lot yet */
    missingCount: number;
    /** the first of them (at least `limit`) */
    missing: { id: string; placeLabel: string; href: string }[];
  }[];
};

/**
 * Planned / opened / accepted per 分项 of the compound's 检验批划分方案, each missing place
 * linking to where its lot is opened (at most `limit` per 分项, the rest on the plan page).
 * Pages using it name the "plan" namespace in their handle.
 */
export function PlanCoverage({
  compoundId,
  coverage,
  limit = MISSING_SHOWN.compoundPage,
}: {
  compoundId: string;
  coverage: CoverageView | null;
  limit?: number;
}) {
  const { t } = useTranslation("plan");
  const word = useStandardName();
  const planHref = `/compounds/${compoundId}/plan`;
  if (!coverage)
    return (
      <p className="muted plan-none">
        {t("coverage.none")}
        <Link to={planHref}>{t("coverage.draw")}</Link>
      </p>
    );
  const { totals } = coverage;
  return (
    <div className="plan-coverage" data-testid="plan-coverage">
      <p>
        <Link to={planHref}>{t("coverage.plan")}</Link>
        {coverage.status === "approved" ? t("coverage.approved") : t("coverage.draft")}
        <Trans t={t} i18nKey="coverage.totals" values={totals} components={{ b: <strong /> }} />
      </p>
      <table className="table dash-table coverage-table">
        <thead>
          <tr>
            <th>{t("coverage.subItem")}</th>
            <th>{t("coverage.planned")}</th>
            <th>{t("coverage.opened")}</th>
            <th>{t("coverage.accepted")}</th>
            <th>{t("coverage.missingPlaces")}</th>
          </tr>
        </thead>
        <tbody>
          {coverage.subItems.map((s) => (
            <tr key={s.id} data-sub-item={s.name}>
              <td translate="no">
                <span className="muted">
                  {word(s.division)}
                  {s.subDivision ? ` › ${word(s.subDivision)}` : ""} ›{" "}
                </span>
                {word(s.name)}
              </td>
              <td>{s.planned}</td>
              <td>{s.opened}</td>
              <td>{s.accepted}</td>
              <td className="missing-places">
                {s.missing.slice(0, limit).map((m) => (
                  <Link key={m.id} className="chip" to={m.href} translate="no">
                    {m.placeLabel}
                  </Link>
                ))}
                {s.missingCount > limit ? (
                  <Link className="chip" to={planHref}>
                    {t("coverage.more", { count: s.missingCount - limit })}
                  </Link>
                ) : null}
                {s.missingCount === 0 ? (
                  <span className="muted">{t("coverage.nothing")}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
