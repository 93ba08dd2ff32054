import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Consent, Need, Occupancy } from "~/modules/residents/survey";

type Row = {
  id: string;
  building: string;
  stairwell: string;
  room: string;
  headName: string | null;
  phone: string | null;
  occupancy: string;
  residents: number;
  elderly: number;
  disabled: number;
  needs: Need[];
  consent: string;
};

/** The 登记台账, one page; names and phones only when `personal`. */
export function SurveyRegister({
  register,
  personal,
  base,
}: {
  register: { rows: Row[]; page: number; pages: number };
  personal: boolean;
  base: string;
}) {
  const { t } = useTranslation(["residents", "common"]);
  const none = t("survey.none");
  return (
    <section className="panel">
      <h2>{t("survey.registerTitle")}</h2>
      {!personal ? <p className="muted">{t("survey.personalHidden")}</p> : null}
      <div className="table-wrap">
        <table className="table" data-testid="survey-register">
          <thead>
            <tr>
              <th>{t("survey.columns.place")}</th>
              <th>{t("survey.columns.room")}</th>
              {personal ? <th>{t("survey.columns.head")}</th> : null}
              {personal ? <th>{t("survey.columns.phone")}</th> : null}
              <th>{t("survey.columns.occupancy")}</th>
              <th>{t("survey.columns.people")}</th>
              <th>{t("survey.columns.needs")}</th>
              <th>{t("survey.columns.consent")}</th>
            </tr>
          </thead>
          <tbody>
            {register.rows.map((r) => (
              <tr key={r.id}>
                <td translate="no">
                  {r.building}
                  {r.stairwell}
                </td>
                <td>{r.room}</td>
                {personal ? <td translate="no">{r.headName}</td> : null}
                {personal ? <td>{r.phone ?? none}</td> : null}
                <td>
                  {t(`survey.occupancy.${r.occupancy as Occupancy}`, { defaultValue: r.occupancy })}
                </td>
                <td>
                  {r.residents}/{r.elderly}/{r.disabled}
                </td>
                <td>
                  {r.needs.map((n) => t(`survey.needs.${n}`)).join(t("survey.listSeparator")) ||
                    none}
                </td>
                <td>{t(`survey.consent.${r.consent as Consent}`, { defaultValue: r.consent })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label={t("survey.pager")}>
        {register.page > 1 ? (
          <Link className="button" to={`${base}?page=${register.page - 1}`}>
            {t("common:actions.previous")}
          </Link>
        ) : null}
        <span>{t("survey.page", { page: register.page, pages: register.pages })}</span>
        {register.page < register.pages ? (
          <Link className="button" to={`${base}?page=${register.page + 1}`}>
            {t("common:actions.next")}
          </Link>
        ) : null}
      </nav>
    </section>
  );
}
