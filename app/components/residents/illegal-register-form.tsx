import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { InputField, TextareaField, useSchemaForm } from "~/components/form";
import { illegalRegisterSchema } from "~/modules/residents/forms";
import { PanelForm, PhotoInput } from "./panel-form";

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
    <PanelForm title={t("illegal.registerTitle")} form={form} multipart>
      <input type="hidden" name="intent" value="register" />
      <InputField
        meta={fields.placeLabel}
        label={t("illegal.place")}
        placeholder={t("illegal.placePlaceholder")}
      />
      <InputField meta={fields.areaM2} label={t("illegal.area")} type="number" step="0.1" />
      <TextareaField meta={fields.description} label={t("illegal.description")} rows={2} />
      <PhotoInput label={t("illegal.beforePhoto")} wide />
      <button type="submit" className="button button-primary" disabled={busy}>
        {t("illegal.register")}
      </button>
    </PanelForm>
  );
}
