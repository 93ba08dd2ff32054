import { useTranslation } from "react-i18next";
import { TextareaField, useSchemaForm } from "~/components/form";
import { Worded } from "~/components/worded";
import { useFormat } from "~/modules/i18n/use-format";
import { ladderForms } from "~/modules/ladder/forms";
import type { LadderView } from "~/modules/ladder/view.server";
import { LadderForm, type Last } from "./ladder-form";

/** Step 1: each contractor's 自检 conclusion and 工程竣工报告 (GB 50300 §6.0.5). */
export function ReportsPanel({
  view,
  busy,
  lastResult,
}: {
  view: LadderView;
  busy: boolean;
  lastResult: Last;
}) {
  const { t } = useTranslation("ladder");
  const f = useFormat();
  return (
    <section className="panel" id="completion-reports">
      <h2>{t("report.title")}</h2>
      <p className="muted">{t("report.hint")}</p>
      {view.contractors.length === 0 ? <p>{t("report.none")}</p> : null}
      <ul className="ladder-records">
        {view.contractors.map((c) => (
          <li key={c.organizationName} data-testid="completion-report">
            <strong translate="no">{c.organizationName}</strong>{" "}
            {c.report ? (
              <Worded
                ns="ladder"
                k="report.submitted"
                values={{ name: c.report.signer, at: f.dateTime(c.report.submittedAt) }}
              />
            ) : (
              <span className="badge">{t("report.pending")}</span>
            )}
            {c.report?.text ? (
              <dl>
                <dt>{t("report.selfCheck")}</dt>
                <dd translate="no">{c.report.text.selfCheck}</dd>
                <dt>{t("report.report")}</dt>
                <dd translate="no">{c.report.text.report}</dd>
              </dl>
            ) : c.report ? (
              <p className="muted">{t("report.hidden")}</p>
            ) : null}
            {c.report?.image ? (
              <img className="signature-image" src={c.report.image} alt={c.report.signer} />
            ) : null}
          </li>
        ))}
      </ul>
      {view.canReport ? <ReportForm busy={busy} lastResult={lastResult} /> : null}
    </section>
  );
}

function ReportForm({ busy, lastResult }: { busy: boolean; lastResult: Last }) {
  const { t } = useTranslation("ladder");
  const [form, fields] = useSchemaForm(ladderForms(t).report, {
    id: "ladder-report",
    lastResult,
    defaultValue: { selfCheck: t("report.selfCheckDefault") },
  });
  return (
    <LadderForm
      form={form}
      intent="report"
      title={t("report.formTitle")}
      submit={t("report.submit")}
      busy={busy}
      signed={{ signature: fields.signature, password: fields.password, what: t("report.what") }}
    >
      <TextareaField meta={fields.selfCheck} label={t("report.selfCheck")} rows={2} />
      <TextareaField meta={fields.report} label={t("report.report")} rows={5} />
    </LadderForm>
  );
}
