import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, useSchemaForm } from "~/components/form";
import type { Point } from "~/modules/drawing/coords";
import { pinExistingSchema } from "~/modules/drawing/forms";

/** Shown over the sheet while pinning: where to tap, then a new defect or an existing one. */
export function PlacePanel({
  revisionId,
  placed,
  superseded,
  unpinned,
  busy,
  lastResult,
}: {
  revisionId: string;
  placed: Point | null;
  superseded: boolean;
  unpinned: { id: string; number: string; title: string }[];
  busy: boolean;
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t } = useTranslation("drawing");
  const { t: common } = useTranslation();
  const [form, fields] = useSchemaForm(pinExistingSchema(common), {
    id: "pin-existing",
    lastResult,
  });
  if (!placed)
    return (
      <section className="panel place-panel" aria-live="polite">
        <p>{t("sheet.placeHint")}</p>
      </section>
    );
  const xy = `x=${placed.x.toFixed(5)}&y=${placed.y.toFixed(5)}`;
  return (
    <section className="panel place-panel" aria-live="polite">
      <p>
        {t("sheet.placed")}
        {superseded ? t("sheet.placedOnSuperseded") : ""}
      </p>
      <div className="workflow-buttons">
        <Link className="button button-primary" to={`/defects/new?revisionId=${revisionId}&${xy}`}>
          {t("sheet.newDefect")}
        </Link>
      </div>
      {unpinned.length > 0 ? (
        <Form method="post" className="form-row" {...getFormProps(form)}>
          <FormErrors form={form as never} />
          <input type="hidden" name="x" value={placed.x} />
          <input type="hidden" name="y" value={placed.y} />
          <SelectField meta={fields.defectId} label={t("sheet.pinExisting")}>
            <option value="" disabled>
              {t("sheet.pickDefect")}
            </option>
            {unpinned.map((d) => (
              <option key={d.id} value={d.id} translate="no">
                {d.number} {d.title}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button" disabled={busy}>
            {t("sheet.pin")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
