import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, InputField, TextareaField, useSchemaForm } from "~/components/form";
import { illegalRegisterSchema } from "~/modules/residents/forms";

/** 登记违章建筑: place, description, optional area and a photo before demolition. */
export function IllegalRegisterForm({
  lastResult,
  busy,
}: {
  lastResult: SubmissionResult<string[]> | null;
  busy: boolean;
}) {
  const { t } = useTranslation("residents");
  const [form, fields] = useSchemaForm(illegalRegisterSchema(t), { id: "register", lastResult });
  return (
    <section className="panel">
      <h2>{t("illegal.registerTitle")}</h2>
      <Form
        method="post"
        encType="multipart/form-data"
        className="residents-form"
        id={form.id}
        onSubmit={form.onSubmit}
        noValidate
      >
        <input type="hidden" name="intent" value="register" />
        <FormErrors form={form as never} />
        <InputField
          meta={fields.placeLabel}
          label={t("illegal.place")}
          placeholder={t("illegal.placePlaceholder")}
        />
        <InputField meta={fields.areaM2} label={t("illegal.area")} type="number" step="0.1" />
        <TextareaField meta={fields.description} label={t("illegal.description")} rows={2} />
        <label className="field wide">
          <span>{t("illegal.beforePhoto")}</span>
          <input type="file" name="photo" accept="image/*" capture="environment" required />
        </label>
        <button type="submit" className="button button-primary" disabled={busy}>
          {t("illegal.register")}
        </button>
      </Form>
    </section>
  );
}
