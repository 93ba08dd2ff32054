import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextareaField, useSchemaForm } from "~/components/form";
import { type WarrantyStep, warrantyActionSchema } from "~/modules/residents/forms";

/** The next steps of a warranty issue (acknowledge, reply, close, return), with a comment. */
export function WarrantyStepForm({
  actions,
  lastResult,
  busy,
}: {
  actions: readonly WarrantyStep[];
  lastResult: SubmissionResult<string[]> | null;
  busy: boolean;
}) {
  const { t } = useTranslation("residents");
  const [form, fields] = useSchemaForm(warrantyActionSchema, { id: "step", lastResult });
  return (
    <section className="panel">
      <Form
        method="post"
        className="residents-form"
        id={form.id}
        onSubmit={form.onSubmit}
        noValidate
      >
        <input type="hidden" name="intent" value="step" />
        <FormErrors form={form as never} />
        <TextareaField meta={fields.comment} label={t("warranty.comment")} rows={2} />
        {actions.map((a) => (
          <button
            key={a}
            type="submit"
            name={fields.action.name}
            value={a}
            className="button button-primary"
            disabled={busy}
          >
            {t(`warranty.actions.${a}`)}
          </button>
        ))}
      </Form>
    </section>
  );
}
