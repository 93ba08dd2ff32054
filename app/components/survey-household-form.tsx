import type { SubmissionResult } from "@conform-to/react";
import { getInputProps, getSelectProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { FieldErrors, InputField, SelectField, useSchemaForm } from "~/components/form";
import { PanelForm } from "~/components/residents/panel-form";
import { addHouseholdSchema } from "~/modules/residents/forms";
import { CONSENTS, NEED_CODES, OCCUPANCIES } from "~/modules/residents/survey";

type Places = { id: string; name: string; stairwells: { id: string; name: string }[] }[];

/** 入户调查表 on the tablet: one household at a time. */
export function SurveyHouseholdForm({
  places,
  lastResult,
  busy,
}: {
  places: Places;
  lastResult: SubmissionResult<string[]> | null;
  busy: boolean;
}) {
  const { t } = useTranslation("residents");
  const [form, fields] = useSchemaForm(addHouseholdSchema(t), {
    id: "household",
    lastResult,
    defaultValue: { residents: "1", elderly: "0", disabled: "0" },
  });
  return (
    <PanelForm title={t("survey.form.title")} form={form}>
      <input type="hidden" name="intent" value="add" />
      <label className="field" htmlFor={fields.stairwellId.id}>
        <span>{t("survey.form.place")}</span>
        <select {...getSelectProps(fields.stairwellId)} translate="no">
          {places.map((b) => (
            <optgroup key={b.id} label={b.name}>
              {b.stairwells.map((s) => (
                <option key={s.id} value={s.id}>
                  {b.name}
                  {s.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <FieldErrors meta={fields.stairwellId as never} />
      </label>
      <InputField meta={fields.room} label={t("survey.fields.room")} inputMode="numeric" />
      <InputField meta={fields.headName} label={t("survey.fields.headName")} />
      <InputField meta={fields.phone} label={t("survey.fields.phone")} type="tel" maxLength={13} />
      <SelectField meta={fields.occupancy} label={t("survey.fields.occupancy")}>
        {OCCUPANCIES.map((k) => (
          <option key={k} value={k}>
            {t(`survey.occupancy.${k}`)}
          </option>
        ))}
      </SelectField>
      <InputField meta={fields.residents} label={t("survey.fields.residents")} type="number" />
      <InputField meta={fields.elderly} label={t("survey.fields.elderly")} type="number" />
      <InputField meta={fields.disabled} label={t("survey.fields.disabled")} type="number" />
      <fieldset className="field wide">
        <legend>{t("survey.fields.needs")}</legend>
        <div className="residents-checks">
          {NEED_CODES.map((k) => (
            <label key={k}>
              <input
                {...getInputProps(fields.needs, { type: "checkbox", value: k })}
                id={`${fields.needs.id}-${k}`}
              />
              {t(`survey.needs.${k}`)}
            </label>
          ))}
        </div>
        <FieldErrors meta={fields.needs as never} />
      </fieldset>
      <SelectField meta={fields.consent} label={t("survey.fields.consent")}>
        {CONSENTS.map((k) => (
          <option key={k} value={k}>
            {t(`survey.consent.${k}`)}
          </option>
        ))}
      </SelectField>
      <InputField meta={fields.note} label={t("survey.fields.note")} className="wide" />
      <button type="submit" className="button button-primary" disabled={busy}>
        {t("survey.form.submit")}
      </button>
    </PanelForm>
  );
}
