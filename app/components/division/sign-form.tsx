import { getFormProps, getInputProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldErrors, FormErrors, TextareaField, useSchemaForm } from "~/components/form";
import { SignatureAndPassword } from "~/components/signature-fields";
import { divisionForms } from "~/modules/division/forms";

/** Signing a 分项 or 分部 record: the conclusion (prefilled), a drawn signature, password, confirmation. */
export function RecordSignForm({
  seat,
  defaultConclusion,
  busy,
  lastResult,
}: {
  seat: string;
  defaultConclusion: string;
  busy: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation("division");
  const [form, fields] = useSchemaForm(divisionForms(t).sign, {
    id: "division-sign",
    lastResult,
    defaultValue: { conclusion: defaultConclusion },
  });
  return (
    <Form method="post" className="panel form-stack sign-form" {...getFormProps(form)}>
      <h2>{t("sign.title")}</h2>
      <p className="muted">{t("sign.as", { seat: t(`seat.${seat}` as "seat.chief") })}</p>
      <FormErrors form={form as never} />
      <input type="hidden" name="intent" value="sign" />
      <TextareaField meta={fields.conclusion} label={t("sign.conclusion")} rows={3} />
      <SignatureAndPassword
        signature={fields.signature}
        password={fields.password}
        passwordLabel={t("sign.password")}
      />
      <label className="check">
        <input {...getInputProps(fields.confirm, { type: "checkbox", value: "on" })} />
        {t("sign.confirm")}
      </label>
      <FieldErrors meta={fields.confirm} />
      <button type="submit" className="button button-primary" disabled={busy}>
        {t("sign.ok")}
      </button>
    </Form>
  );
}
