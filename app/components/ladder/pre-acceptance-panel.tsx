import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldErrors, TextareaField, useSchemaForm } from "~/components/form";
import { Worded } from "~/components/worded";
import { useFormat } from "~/modules/i18n/use-format";
import { ladderForms } from "~/modules/ladder/forms";
import type { LadderView } from "~/modules/ladder/view.server";
import { LadderForm, type Last } from "./ladder-form";

type Props = {
  view: LadderView;
  compoundId: string;
  canExport: boolean;
  busy: boolean;
  lastResult: Last;
};

/** Step 2: the 总监理工程师's 竣工预验收 (§6.0.5), its records and, once passed, the 评估报告. */
export function PreAcceptancePanel(props: Props) {
  const { view } = props;
  const { t } = useTranslation("ladder");
  const f = useFormat();
  return (
    <section className="panel" id="pre-acceptance">
      <h2>{t("pre.title")}</h2>
      <p className="muted">{t("pre.hint")}</p>
      {view.preAcceptances.length === 0 ? <p>{t("pre.none")}</p> : null}
      <ul className="ladder-records">
        {view.preAcceptances.map((p) => (
          <li key={p.id} data-testid="pre-acceptance" data-conclusion={p.conclusion}>
            <Worded
              ns="ladder"
              k="pre.record"
              values={{
                name: p.chief,
                at: f.dateTime(p.recordedAt),
                conclusion: t(`pre.conclusion.${p.conclusion}`),
              }}
            />
            <dl>
              <dt>{t("pre.problems")}</dt>
              <dd translate="no">{p.problems || t("pre.noProblems")}</dd>
              {p.defects.length > 0 ? <dt>{t("pre.defects")}</dt> : null}
              {p.defects.map((d) => (
                <dd key={d.id} translate="no">
                  <Link to={`/defects/${d.id}`}>{`${d.number} ${d.title}`}</Link>
                </dd>
              ))}
              <dt>{t("pre.assessment")}</dt>
              <dd translate="no">{p.assessment}</dd>
            </dl>
            <img className="signature-image" src={p.image} alt={p.chief} />
          </li>
        ))}
      </ul>
      {view.preAccepted && props.canExport ? (
        <a
          className="button"
          href={`/reports/compounds/${props.compoundId}/assessment.pdf`}
          download
        >
          {t("pre.reportPdf")}
        </a>
      ) : null}
      {!view.preAccepted && view.step === "reports" ? <p>{t("pre.waiting")}</p> : null}
      {view.canPreAccept ? <PreAcceptanceForm {...props} /> : null}
    </section>
  );
}

function PreAcceptanceForm({ view, busy, lastResult }: { view: LadderView } & Omit<Props, "view">) {
  const { t } = useTranslation("ladder");
  const [form, fields] = useSchemaForm(ladderForms(t).preaccept, {
    id: "ladder-preaccept",
    lastResult,
    defaultValue: { assessment: t("pre.assessmentDefault") },
  });
  const chosen = fields.conclusion.initialValue;
  return (
    <LadderForm
      form={form}
      intent="preaccept"
      title={t("pre.formTitle")}
      submit={t("pre.submit")}
      busy={busy}
      signed={{ signature: fields.signature, password: fields.password, what: t("pre.what") }}
    >
      <TextareaField meta={fields.problems} label={t("pre.problems")} rows={3} />
      {view.defects.length > 0 ? (
        <fieldset>
          <legend>{t("pre.defects")}</legend>
          {view.defects.map((d) => (
            <label key={d.id} className="check" translate="no">
              <input type="checkbox" name={fields.defectIds.name} value={d.id} />{" "}
              {`${d.number} ${d.title}`}
            </label>
          ))}
          <FieldErrors meta={fields.defectIds} />
        </fieldset>
      ) : null}
      <TextareaField meta={fields.assessment} label={t("pre.assessment")} rows={3} />
      <fieldset>
        <legend>{t("pre.conclusionLabel")}</legend>
        {(["pass", "fail"] as const).map((c) => (
          <label key={c} className="check">
            <input
              type="radio"
              name={fields.conclusion.name}
              value={c}
              defaultChecked={(chosen ?? "pass") === c}
            />{" "}
            {t(`pre.conclusion.${c}`)}
          </label>
        ))}
        <FieldErrors meta={fields.conclusion} />
      </fieldset>
    </LadderForm>
  );
}
