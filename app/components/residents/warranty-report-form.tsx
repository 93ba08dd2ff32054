import type { SubmissionResult } from "@conform-to/react";
import { getSelectProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { FieldErrors, InputField, TextareaField, useSchemaForm } from "~/components/form";
import { useFormat } from "~/modules/i18n/use-format";
import { warrantyReportSchema } from "~/modules/residents/forms";
import { PanelForm, PhotoInput } from "./panel-form";

type Options = {
  buildings: { id: string; name: string }[];
  workTypes: { code: string; nameZh: string; nameEn: string }[];
};

/** 报告问题: a 楼栋长 or the property company reports a problem after acceptance, with a photo. */
export function WarrantyReportForm({
  options,
  lastResult,
  refused,
  busy,
}: {
  options: Options;
  lastResult: SubmissionResult<string[]> | null;
  refused: string | null;
  busy: boolean;
}) {
  const { t } = useTranslation("residents");
  const { lng } = useFormat();
  const [form, fields] = useSchemaForm(warrantyReportSchema(t), { id: "report", lastResult });
  return (
    <PanelForm title={t("warranty.reportTitle")} form={form} multipart>
      {refused ? (
        <p className="alert alert-error" role="alert">
          {refused}
        </p>
      ) : null}
      <InputField
        meta={fields.title}
        label={t("warranty.problem")}
        placeholder={t("warranty.problemPlaceholder")}
      />
      <label className="field" htmlFor={fields.buildingId.id}>
        <span>{t("warranty.building")}</span>
        <select {...getSelectProps(fields.buildingId)}>
          <option value="">{t("warranty.outdoor")}</option>
          {options.buildings.map((b) => (
            <option key={b.id} value={b.id} translate="no">
              {b.name}
            </option>
          ))}
        </select>
        <FieldErrors meta={fields.buildingId as never} />
      </label>
      <InputField
        meta={fields.placeLabel}
        label={t("warranty.place")}
        placeholder={t("warranty.placePlaceholder")}
      />
      <label className="field" htmlFor={fields.workTypeCode.id}>
        <span>{t("warranty.workType")}</span>
        <select {...getSelectProps(fields.workTypeCode)}>
          <option value="">{t("warranty.unknownWorkType")}</option>
          {options.workTypes.map((w) => (
            <option key={w.code} value={w.code}>
              {lng === "en" ? w.nameEn : w.nameZh}
            </option>
          ))}
        </select>
        <FieldErrors meta={fields.workTypeCode as never} />
      </label>
      <TextareaField meta={fields.description} label={t("warranty.description")} rows={2} />
      <PhotoInput label={t("warranty.photo")} wide />
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t("warranty.uploading") : t("warranty.submit")}
      </button>
    </PanelForm>
  );
}
