import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useStandardName } from "./standard-name";

/** 资料与自检: the sub-item (when the work type has several) and the records check. */
export function LotRecordsPanel({
  subItem,
  recordsComplete,
  selfCheckNote,
  canRecord,
  busy,
}: {
  subItem: { value: string | null; choices: string[] };
  recordsComplete: boolean;
  selfCheckNote: string | null;
  canRecord: boolean;
  busy: boolean;
}) {
  const { t } = useTranslation("lot");
  const word = useStandardName();
  return (
    <section className="panel lot-records">
      <h2>{t("records.title")}</h2>
      {subItem.choices.length > 1 ? (
        <Form method="post" className="records-form subitem-form">
          <input type="hidden" name="intent" value="subitem" />
          <label>
            {t("records.subItem")}
            <select name="subItem" defaultValue={subItem.value ?? ""} disabled={!canRecord}>
              <option value="" disabled>
                {t("records.choose")}
              </option>
              {subItem.choices.map((c) => (
                // the stored value is the Chinese standard name; the label is the reader's
                <option key={c} value={c} translate="no">
                  {word(c)}
                </option>
              ))}
            </select>
          </label>
          {canRecord ? (
            <button className="button" type="submit" disabled={busy}>
              {t("records.saveSubItem")}
            </button>
          ) : null}
        </Form>
      ) : null}
      <Form method="post" className="records-form">
        <input type="hidden" name="intent" value="records" />
        <label className="check">
          <input
            type="checkbox"
            name="recordsComplete"
            value="on"
            defaultChecked={recordsComplete}
            disabled={!canRecord}
          />
          {t("records.complete")}
        </label>
        <textarea
          name="selfCheckNote"
          rows={2}
          placeholder={t("records.note")}
          defaultValue={selfCheckNote ?? ""}
          disabled={!canRecord}
          aria-label={t("records.note")}
          maxLength={2000}
        />
        {canRecord ? (
          <button className="button" type="submit" disabled={busy}>
            {t("records.save")}
          </button>
        ) : null}
      </Form>
    </section>
  );
}
