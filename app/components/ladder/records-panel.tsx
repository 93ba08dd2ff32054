import { useTranslation } from "react-i18next";
import { InputField, useSchemaForm } from "~/components/form";
import { useFormat } from "~/modules/i18n/use-format";
import type { ClosingView } from "~/modules/ladder/closing.server";
import { ladderForms } from "~/modules/ladder/forms";
import { LadderForm, type Last } from "./ladder-form";

type Props = { view: ClosingView; busy: boolean; lastResult: Last };
const FACTS = ["structureType", "storeys", "floorArea", "startedOn", "finishedOn"] as const;

/** The 附录H H.0.1-1 facts the 建设单位 enters before the session passes. */
export function FactsPanel({ view, busy, lastResult }: Props) {
  const { t } = useTranslation("ladder");
  const facts = view.facts;
  if (!facts) return null;
  return (
    <section className="panel" id="compound-facts">
      <h2>{t("records.factsTitle")}</h2>
      <dl className="ladder-facts">
        {FACTS.map((k) => (
          <div key={k}>
            <dt>{t(`records.fact.${k}`)}</dt>
            <dd translate="no">{facts[k] || t("records.unset")}</dd>
          </div>
        ))}
      </dl>
      {view.canEditFacts ? <FactsForm view={view} busy={busy} lastResult={lastResult} /> : null}
    </section>
  );
}

function FactsForm({ view, busy, lastResult }: Props) {
  const { t } = useTranslation("ladder");
  const [form, fields] = useSchemaForm(ladderForms(t).facts, {
    id: "ladder-facts",
    lastResult,
    defaultValue: view.facts ?? {},
  });
  return (
    <LadderForm
      form={form}
      intent="facts"
      submit={t("records.saveFacts")}
      busy={busy}
      primary={false}
    >
      <InputField meta={fields.structureType} label={t("records.fact.structureType")} />
      <InputField meta={fields.storeys} label={t("records.fact.storeys")} />
      <InputField
        meta={fields.floorArea}
        label={t("records.fact.floorArea")}
        type="number"
        step="0.01"
      />
      <InputField meta={fields.startedOn} label={t("records.fact.startedOn")} type="date" />
      <InputField meta={fields.finishedOn} label={t("records.fact.finishedOn")} type="date" />
    </LadderForm>
  );
}

/** Step 4: the 竣工验收报告, the 备案 (15 days) and the 质量保修书, after a passed session. */
export function RecordsPanel({
  view,
  compoundId,
  canExport,
  busy,
  lastResult,
}: Props & { compoundId: string; canExport: boolean }) {
  const { t } = useTranslation("ladder");
  const f = useFormat();
  const p = view.passed;
  if (!p) return null;
  const base = `/reports/compounds/${compoundId}`;
  return (
    <section className="panel" id="completion-records">
      <h2>{t("records.title")}</h2>
      <p data-testid="filing-deadline">
        {t("records.deadline", { accepted: f.date(p.acceptedOn), due: f.date(p.dueOn) })}{" "}
        <span className="badge">
          {p.met === null ? t("records.pending") : p.met ? t("records.met") : t("records.late")}
        </span>
      </p>
      {p.filing ? (
        <p data-testid="filing">
          {t("records.filed", { number: p.filing.number, date: f.date(p.filing.filedOn) })}{" "}
          <span translate="no">{p.filing.authority}</span>
        </p>
      ) : null}
      {canExport ? (
        <p className="actions">
          <a className="button" href={`${base}/completion-report.pdf`} download>
            {t("records.reportPdf")}
          </a>
          <a className="button" href={`${base}/warranty.pdf`} download>
            {t("records.warrantyPdf")}
          </a>
          {p.filing ? (
            <a className="button" href={`${base}/filing.pdf`} download>
              {t("records.filingPdf")}
            </a>
          ) : null}
        </p>
      ) : null}
      {p.canFile ? <FilingForm busy={busy} lastResult={lastResult} /> : null}
    </section>
  );
}

function FilingForm({ busy, lastResult }: { busy: boolean; lastResult: Last }) {
  const { t } = useTranslation("ladder");
  const [form, fields] = useSchemaForm(ladderForms(t).file, { id: "ladder-file", lastResult });
  return (
    <LadderForm
      form={form}
      intent="file"
      title={t("records.fileTitle")}
      submit={t("records.file")}
      busy={busy}
    >
      <InputField meta={fields.number} label={t("records.number")} />
      <InputField meta={fields.filedOn} label={t("records.filedOn")} type="date" />
    </LadderForm>
  );
}
