import { getFormProps, getInputProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldErrors, InputField, SelectField, useSchemaForm } from "~/components/form";
import { planForms } from "~/modules/plan/forms";

type Last = SubmissionResult<string[]> | undefined;
type WorkTypeOption = { code: string; nameZh: string; nameEn: string };

/** The supervisor adds a 分项 to the tree: its place under a 分部/子分部, its standard, its lots. */
export function AddSubItemForm({
  divisions,
  workTypes,
  busy,
  lastResult,
}: {
  divisions: string[];
  workTypes: WorkTypeOption[];
  busy: boolean;
  lastResult: Last;
}) {
  const { t, i18n } = useTranslation("plan");
  const [form, fields] = useSchemaForm(planForms(t).addSubItem, { id: "add-sub-item", lastResult });
  return (
    <Form method="post" className="panel stack" {...getFormProps(form)}>
      <h2>{t("page.tree")}</h2>
      <p className="muted">{t("page.treeHint")}</p>
      <input type="hidden" name="intent" value="addSubItem" />
      <InputField meta={fields.division} label={t("page.division")} list="plan-divisions" />
      <datalist id="plan-divisions">
        {divisions.map((d) => (
          <option key={d} value={d} />
        ))}
      </datalist>
      <InputField meta={fields.subDivision} label={t("page.subDivision")} />
      <InputField meta={fields.name} label={t("page.subItemName")} />
      <InputField meta={fields.standard} label={t("page.standard")} placeholder="GB 50303-2015" />
      <SelectField meta={fields.workTypeCode} label={t("page.workType")}>
        <option value="" />
        {workTypes.map((w) => (
          <option key={w.code} value={w.code} translate="no">
            {i18n.language === "en" ? w.nameEn : w.nameZh}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button" disabled={busy}>
        {t("page.addSubItem")}
      </button>
    </Form>
  );
}

const REMOVALS = {
  remove: {
    idName: "plannedLotId",
    formId: "remove",
    label: "page.removeReasonFor",
    button: "page.remove",
  },
  removeSubItem: {
    idName: "subItemId",
    formId: "remove-sub-item",
    label: "page.removeSubItemReason",
    button: "page.removeSubItem",
  },
} as const;

/**
 * Removing a planned lot, or a 分项 with its planned lots: the reason goes into the audit event.
 * `intent` names the plan action (and its schema); `id` is the planned lot's or the 分项's.
 */
export function RemoveForm({
  intent,
  id,
  busy,
  lastResult,
}: {
  intent: keyof typeof REMOVALS;
  id: string;
  busy: boolean;
  lastResult: Last;
}) {
  const { t } = useTranslation("plan");
  const words = REMOVALS[intent];
  const [form, fields] = useSchemaForm(planForms(t)[intent], {
    id: `${words.formId}-${id}`,
    lastResult,
  });
  return (
    <Form method="post" className="inline-form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={words.idName} value={id} />
      <input
        {...getInputProps(fields.reason, { type: "text" })}
        placeholder={t("page.removeReason")}
        aria-label={t(words.label)}
      />
      <button type="submit" className="button" disabled={busy}>
        {t(words.button)}
      </button>
      <FieldErrors meta={fields.reason} />
    </Form>
  );
}
