import { useTranslation } from "react-i18next";
import type { Need } from "~/modules/residents/survey";

type Summary = {
  households: number;
  elderly: number;
  disabled: number;
  consent: { agree: number; disagree: number; undecided: number };
  needs: { code: Need; households: number; places: { place: string; households: number }[] }[];
};

/** What feeds the plan: the consent tally and each need by 单元. */
export function SurveySummary({ summary }: { summary: Summary }) {
  const { t } = useTranslation("residents");
  return (
    <section className="panel">
      <h2>{t("survey.summaryTitle")}</h2>
      <p>
        {t("survey.summary", {
          households: summary.households,
          agree: summary.consent.agree,
          disagree: summary.consent.disagree,
          undecided: summary.consent.undecided,
          elderly: summary.elderly,
          disabled: summary.disabled,
        })}
      </p>
      <ul data-testid="needs-summary">
        {summary.needs.map((n) => (
          <li key={n.code}>
            <strong>{t(`survey.needs.${n.code}`)}</strong>
            {t("survey.needHouseholds", { count: n.households })}
            {n.places.map((p, i) => (
              <span key={p.place}>
                {i > 0 ? t("survey.listSeparator") : ""}
                <span translate="no">{p.place}</span>
                {t("survey.needPlace", { count: p.households })}
              </span>
            ))}
            {t("survey.needClose")}
          </li>
        ))}
      </ul>
    </section>
  );
}
