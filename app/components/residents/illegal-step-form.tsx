import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, InputField, useSchemaForm } from "~/components/form";
import { illegalStepSchema } from "~/modules/residents/forms";
import type { IllegalState } from "~/modules/residents/illegal";

/** The next step of one illegal structure (notified, deadline set, demolished), with a comment. */
export function IllegalStepForm({
  id,
  next,
  lastResult,
  busy,
}: {
  id: string;
  next: Exclude<IllegalState, "registered">;
  lastResult: SubmissionResult<string[]> | null;
  busy: boolean;
}) {
  const { t } = useTranslation("residents");
  const [form, fields] = useSchemaForm(illegalStepSchema, {
    id: `step-${id}`,
    lastResult,
    defaultValue: { id, to: next },
  });
  return (
    <Form method="post" className="residents-form" id={form.id} onSubmit={form.onSubmit} noValidate>
      <input type="hidden" name="intent" value={form.id} />
      <input type="hidden" name={fields.id.name} value={id} />
      <input type="hidden" name={fields.to.name} value={next} />
      <FormErrors form={form as never} />
      {next === "deadline" ? (
        // The deadline is required for this step only, which the schema's type cannot say.
        <InputField meta={fields.deadline} label={t("illegal.deadline")} type="date" required />
      ) : null}
      <InputField meta={fields.comment} label={t("illegal.comment")} />
      <button type="submit" className="button button-primary" disabled={busy}>
        {t(`illegal.next.${next}`)}
      </button>
    </Form>
  );
}
