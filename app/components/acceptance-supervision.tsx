import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextareaField, useSchemaForm } from "~/components/form";
import { acceptanceForms } from "~/modules/acceptance/forms";
import { useFormat } from "~/modules/i18n/use-format";
import { Worded } from "./worded";

type Supervision = {
  record: string;
  filedAt: string;
  signer: string;
  title: string;
  organization: string;
} | null;

/** The 质监站's 监督记录 of a 竣工验收: shown once filed, else the form for the station. */
export function SupervisionPanel({
  acceptanceId,
  organiser,
  supervision,
  canSupervise,
  busy,
  lastResult,
}: {
  acceptanceId: string;
  organiser: string;
  supervision: Supervision;
  canSupervise: boolean;
  busy: boolean;
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t } = useTranslation("acceptance");
  const f = useFormat();
  return (
    <section className="panel supervision" data-testid="supervision">
      <h2>{t("supervision.title")}</h2>
      <p className="muted">
        <Worded ns="acceptance" k="supervision.organiser" values={{ organiser }} />
      </p>
      {supervision ? (
        <>
          <p className="supervision-record" translate="no">
            {supervision.record}
          </p>
          <p className="muted">
            <Worded
              ns="acceptance"
              k="supervision.by"
              values={{
                signer: supervision.signer,
                title: supervision.title,
                organization: supervision.organization,
                at: f.dateTime(supervision.filedAt),
              }}
            />
          </p>
        </>
      ) : canSupervise ? (
        <SupervisionForm acceptanceId={acceptanceId} busy={busy} lastResult={lastResult} />
      ) : (
        <p className="muted">{t("supervision.none")}</p>
      )}
    </section>
  );
}

function SupervisionForm({
  acceptanceId,
  busy,
  lastResult,
}: {
  acceptanceId: string;
  busy: boolean;
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t } = useTranslation("acceptance");
  const [form, fields] = useSchemaForm(acceptanceForms(t).supervise, {
    id: "acceptance-supervise",
    lastResult,
    defaultValue: { record: t("supervision.defaultRecord") },
  });
  return (
    <Form method="post" className="form-stack" {...getFormProps(form)}>
      <FormErrors form={form as never} />
      <input type="hidden" name="intent" value="supervise" />
      <input type="hidden" name="acceptanceId" value={acceptanceId} />
      <TextareaField meta={fields.record} label={t("supervision.record")} rows={4} />
      <button type="submit" className="button button-primary" disabled={busy}>
        {t("supervision.submit")}
      </button>
    </Form>
  );
}
