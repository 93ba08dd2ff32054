import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { type ItemField, type ItemValues, QUANTITIES } from "~/modules/checklist/edit-schema";
import { ITEM_METHODS } from "~/modules/checklist/labels";

export type Draft = {
  key: string;
  values: ItemValues;
  open: boolean;
  removed: boolean;
  hasLookupTable: boolean;
};

/** One item of the checklist editor: its tools (move, remove) and its fields, folded. */
export function ItemCard({
  draft,
  index,
  number,
  provisional,
  errors,
  canUp,
  canDown,
  onMove,
  onRemove,
  onTextChange,
  onToggle,
}: {
  draft: Draft;
  index: number;
  number: number;
  provisional: string | null;
  errors: Record<string, string>;
  canUp: boolean;
  canDown: boolean;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
  onTextChange: (text: string) => void;
  onToggle: (open: boolean) => void;
}) {
  const { t } = useTranslation("checklist");
  const { values } = draft;
  const name = (field: ItemField) => `items.${index}.${field}`;
  const hasErrors = Object.keys(errors).some((k) => k.startsWith(`items.${index}.`));
  const label = values.code || t("edit.newItem", { code: provisional ?? "" }).trim();
  const field = (
    f: ItemField,
    text: string,
    input: (props: {
      name: string;
      id: string;
      "aria-invalid"?: true;
      "aria-describedby"?: string;
    }) => ReactElement,
    className = "",
  ) => {
    const error = errors[name(f)];
    const id = `${draft.key}-${f}`;
    return (
      <div className={`field ${className}`}>
        <label htmlFor={id}>{text}</label>
        {input({
          name: name(f),
          id,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": error ? `${id}-error` : undefined,
        })}
        {error ? (
          <em className="field-error" id={`${id}-error`}>
            {error}
          </em>
        ) : null}
      </div>
    );
  };
  return (
    <li className={`edit-item edit-item-${values.kind}`} data-code={values.code || undefined}>
      <input type="hidden" name={name("code")} value={values.code} />
      <input type="hidden" name={name("kind")} value={values.kind} />
      <div className="edit-item-tools">
        <button
          type="button"
          className="button"
          onClick={() => onMove(-1)}
          disabled={!canUp}
          aria-label={t("edit.upLabel", { label })}
        >
          {t("edit.up")}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => onMove(1)}
          disabled={!canDown}
          aria-label={t("edit.downLabel", { label })}
        >
          {t("edit.down")}
        </button>
        <button
          type="button"
          className="button button-remove"
          onClick={onRemove}
          aria-label={t("edit.removeLabel", { label })}
        >
          {t("edit.remove")}
        </button>
      </div>
      <details open={draft.open} onToggle={(e) => onToggle(e.currentTarget.open)}>
        <summary>
          <span className="item-no">
            {number}
            <small translate="no">{values.code || t("edit.newItemShort")}</small>
          </span>
          <span className="edit-summary-text">
            {values.textZh ? (
              <span translate="no">{values.textZh}</span>
            ) : provisional ? (
              t("edit.newItemSummary", { code: provisional })
            ) : (
              t("edit.blank")
            )}
          </span>
          {hasErrors ? <span className="badge badge-danger">{t("edit.needsFix")}</span> : null}
        </summary>
        <div className="edit-grid">
          {field(
            "textZh",
            t("edit.fields.textZh"),
            (p) => (
              <textarea
                {...p}
                rows={3}
                defaultValue={values.textZh}
                onChange={(e) => onTextChange(e.currentTarget.value)}
              />
            ),
            "span-all",
          )}
          {field(
            "textEn",
            t("edit.fields.textEn"),
            (p) => (
              <input {...p} defaultValue={values.textEn} />
            ),
            "span-all",
          )}
          {field("method", t("edit.fields.method"), (p) => (
            <select {...p} defaultValue={values.method}>
              {ITEM_METHODS.map((value) => (
                <option key={value} value={value}>
                  {t(`methods.${value}`)}
                </option>
              ))}
            </select>
          ))}
          {field("tolerance", t("edit.fields.tolerance"), (p) => (
            <input {...p} defaultValue={values.tolerance} />
          ))}
          <fieldset className="edit-numeric span-all">
            <legend>{t("edit.fields.numeric")}</legend>
            {field("numericUnit", t("edit.fields.numericUnit"), (p) => (
              <input
                {...p}
                defaultValue={values.numericUnit}
                placeholder={t("edit.fields.numericUnitPlaceholder")}
              />
            ))}
            {field("numericMin", t("edit.fields.numericMin"), (p) => (
              <input {...p} inputMode="decimal" defaultValue={values.numericMin} />
            ))}
            {field("numericMax", t("edit.fields.numericMax"), (p) => (
              <input {...p} inputMode="decimal" defaultValue={values.numericMax} />
            ))}
            {field("numericQuantity", t("edit.fields.numericQuantity"), (p) => (
              <select {...p} defaultValue={values.numericQuantity || "absolute"}>
                {QUANTITIES.map((q) => (
                  <option key={q} value={q}>
                    {t(`edit.quantities.${q}`)}
                  </option>
                ))}
              </select>
            ))}
            {field("numericTarget", t("edit.fields.numericTarget"), (p) => (
              <input {...p} inputMode="decimal" defaultValue={values.numericTarget} />
            ))}
            {field("numericCondition", t("edit.fields.numericCondition"), (p) => (
              <input {...p} defaultValue={values.numericCondition} />
            ))}
            {field(
              "numericNote",
              t("edit.fields.numericNote"),
              (p) => (
                <input {...p} defaultValue={values.numericNote} />
              ),
              "span-all",
            )}
          </fieldset>
          {field(
            "samplePlan",
            t("edit.fields.samplePlan"),
            (p) => (
              <input {...p} defaultValue={values.samplePlan} />
            ),
            "span-all",
          )}
          {field(
            "source",
            t("edit.fields.source"),
            (p) => (
              <textarea {...p} rows={2} defaultValue={values.source} />
            ),
            "span-all",
          )}
          <label className="edit-check span-all">
            <input
              type="checkbox"
              name={name("verified")}
              defaultChecked={values.verified === "on"}
            />
            <span>{t("edit.fields.verified")}</span>
          </label>
          {draft.hasLookupTable ? (
            <p className="muted span-all">{t("edit.fields.lookupTable")}</p>
          ) : null}
        </div>
      </details>
    </li>
  );
}
