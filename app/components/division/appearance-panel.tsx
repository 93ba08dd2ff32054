import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, useSchemaForm } from "~/components/form";
import { divisionForms } from "~/modules/division/forms";
import type { DivisionPageData } from "~/modules/division/page.server";
import { RATINGS } from "~/modules/division/rules";

type Record = DivisionPageData["record"];

function Choice({ name, current, label }: { name: string; current: string | null; label: string }) {
  const { t } = useTranslation("division");
  return (
    <fieldset className="rating-choice" aria-label={label}>
      {RATINGS.map((r) => (
        <label key={r} className="check">
          <input type="radio" name={name} value={r} defaultChecked={current === r} required />
          {t(`rating.${r}`)}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * 观感质量 (GB 50300 §5.0.3-4): each point with its rating; the 总监 rates them (好/一般/差)
 * and the whole, a 差 point is reworked and rated again.
 */
export function AppearancePanel({
  record,
  canRate,
  busy,
  lastResult,
}: {
  record: Record;
  canRate: boolean;
  busy: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation("division");
  const [form] = useSchemaForm(divisionForms(t).rate, { id: "division-rate", lastResult });
  const rated = (r: string | null) =>
    r ? t(`rating.${r}` as "rating.good") : t("appearance.unrated");
  const table = (
    <table className="table">
      <thead>
        <tr>
          <th>{t("appearance.point")}</th>
          <th>{t("appearance.source")}</th>
          <th>{t("appearance.rating")}</th>
        </tr>
      </thead>
      <tbody>
        {record.points.map((p) => (
          <tr key={p.code} data-testid={`point-${p.code}`}>
            <td>{t(`points.${p.code}` as "points.general")}</td>
            <td translate="no">{p.source}</td>
            <td>
              {canRate ? (
                <Choice
                  name={`points.${p.code}`}
                  current={p.rating}
                  label={t(`points.${p.code}` as "points.general")}
                />
              ) : (
                <span className={p.rating === "poor" ? "rating-poor" : undefined}>
                  {rated(p.rating)}
                  {p.reworked ? t("appearance.reworked") : ""}
                </span>
              )}
            </td>
          </tr>
        ))}
        <tr>
          <th scope="row" colSpan={2}>
            {t("appearance.overall")}
          </th>
          <td data-testid="appearance-overall">
            {canRate ? (
              <Choice
                name="conclusion"
                current={record.conclusion}
                label={t("appearance.overall")}
              />
            ) : (
              rated(record.conclusion)
            )}
          </td>
        </tr>
      </tbody>
    </table>
  );
  return (
    <section className="panel" data-testid="appearance">
      <h2>{t("appearance.title")}</h2>
      <p className="muted">{t("appearance.intro")}</p>
      {canRate ? (
        <Form method="post" className="form-stack" {...getFormProps(form)}>
          <FormErrors form={form as never} />
          <input type="hidden" name="intent" value="rate" />
          {table}
          <button type="submit" className="button button-primary" disabled={busy}>
            {t("appearance.save")}
          </button>
        </Form>
      ) : (
        table
      )}
    </section>
  );
}
