import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  FormErrors,
  InputField,
  SelectField,
  TextareaField,
  useSchemaForm,
} from "~/components/form";
import { PinCrop } from "~/components/pin-crop";
import { type createStandaloneSchema, newDefectSchema } from "~/modules/defect/forms";
import type { NewDefectPage } from "~/modules/defect/pages.server";
import { DEFAULT_DUE_DAYS, SEVERITIES, type Severity } from "~/modules/defect/workflow";

/**
 * The new-defect form, whichever way it starts (from a lot's failing item, on its own at a
 * compound, or pinned on a drawing): the page's schema checks it in the browser and in the
 * action, and each refusal shows beside its field. Works without JavaScript (a plain post).
 */
export function NewDefectForm({
  page,
  back,
  busy,
  lastResult,
}: {
  page: NewDefectPage;
  back: string;
  busy: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation("defect");
  // The three modes share their visible fields; the standalone schema names them all.
  const schema = newDefectSchema(t, page.mode) as ReturnType<typeof createStandaloneSchema>;
  const [form, fields] = useSchemaForm(schema, {
    id: "new-defect",
    lastResult,
    defaultValue: {
      title: page.mode === "item" ? page.title : "",
      description: page.mode === "item" ? page.description : "",
      severity: "general",
      dueOn: page.dueBySeverity.general,
      ...(page.mode === "item"
        ? {}
        : {
            contractorOrgId: page.contractors.length === 1 ? page.contractors[0]?.id : "",
            workTypeCode: "",
          }),
    },
  });
  return (
    <Form method="post" className="panel form-stack" {...getFormProps(form)}>
      <FormErrors form={form as never} />
      {page.mode === "item" ? (
        <>
          <input type="hidden" name="lotId" value={page.lot.id} />
          <input type="hidden" name="itemId" value={page.itemId} />
        </>
      ) : (
        <>
          {page.pin ? (
            <>
              <input type="hidden" name="revisionId" value={page.pin.revisionId} />
              <input type="hidden" name="x" value={page.pin.x} />
              <input type="hidden" name="y" value={page.pin.y} />
              <PinCrop pin={page.pin} />
              {page.pin.superseded ? (
                <p className="alert alert-error">{t("create.superseded")}</p>
              ) : null}
            </>
          ) : (
            <input type="hidden" name="compoundId" value={page.compound.id} />
          )}
          <SelectField meta={fields.contractorOrgId} label={t("create.contractor")}>
            <option value="">{t("create.choose")}</option>
            {page.contractors.map((c) => (
              <option key={c.id} value={c.id} translate="no">
                {c.name}
              </option>
            ))}
          </SelectField>
          <InputField meta={fields.placeLabel} label={t("create.place")} list="defect-places" />
          <datalist id="defect-places">
            {page.places.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
          <SelectField meta={fields.workTypeCode} label={t("create.workType")}>
            <option value="">{t("create.anyWorkType")}</option>
            {page.workTypes.map((w) => (
              <option key={w.code} value={w.code} translate="no">
                {w.nameZh}
              </option>
            ))}
          </SelectField>
        </>
      )}
      <InputField meta={fields.title} label={t("create.defectTitle")} />
      <SelectField
        meta={fields.severity}
        label={t("create.severity")}
        onChange={(e) =>
          // The deadline follows the severity's default until the user sets another.
          form.update({
            name: fields.dueOn.name,
            value: page.dueBySeverity[e.target.value as Severity],
          })
        }
      >
        {SEVERITIES.map((s) => (
          <option key={s} value={s}>
            {t("create.severityOption", { label: t(`severity.${s}`), days: DEFAULT_DUE_DAYS[s] })}
          </option>
        ))}
      </SelectField>
      <InputField meta={fields.dueOn} type="date" label={t("create.dueOn")} required />
      <TextareaField meta={fields.description} label={t("create.description")} rows={6} />
      <div className="workflow-buttons">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t("create.submit")}
        </button>
        <Link className="button" to={back}>
          {t("create.cancel")}
        </Link>
      </div>
    </Form>
  );
}
