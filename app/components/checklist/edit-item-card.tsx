import {
  type FieldMetadata,
  getInputProps,
  getSelectProps,
  getTextareaProps,
} from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FieldErrors } from "~/components/form";
import { type ItemInput, QUANTITIES } from "~/modules/checklist/edit-schema";
import { ITEM_METHODS } from "~/modules/checklist/labels";

type Meta = FieldMetadata<unknown, Record<string, unknown>, string[]>;
export type ItemMeta = FieldMetadata<ItemInput, Record<string, unknown>, string[]>;

/** A labelled control of the card, its messages beside it (the control carries aria-*). */
function Field({
  meta,
  label,
  className = "",
  children,
}: {
  meta: Meta;
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={`field ${className}`}>
      <label htmlFor={meta.id}>{label}</label>
      {children}
      <FieldErrors meta={meta} />
    </div>
  );
}

/** One item of the checklist editor: its tools (move, remove) and its fields, folded. */
export function ItemCard({
  item,
  number,
  provisional,
  hasLookupTable,
  open,
  canUp,
  canDown,
  onMove,
  onRemove,
  onToggle,
}: {
  item: ItemMeta;
  number: number;
  provisional: string | null;
  hasLookupTable: boolean;
  open: boolean;
  canUp: boolean;
  canDown: boolean;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
  onToggle: (open: boolean) => void;
}) {
  const { t } = useTranslation("checklist");
  const f = item.getFieldset();
  const code = f.code.value ?? "";
  const kind = f.kind.value ?? "";
  const textZh = f.textZh.value ?? "";
  const hasErrors = Object.keys(item.allErrors).length > 0;
  const label = code || t("edit.newItem", { code: provisional ?? "" }).trim();
  const text = (meta: Meta) => getInputProps(meta as FieldMetadata<string>, { type: "text" });
  const decimal = (meta: Meta) => ({ ...text(meta), inputMode: "decimal" as const });
  return (
    <li className={`edit-item edit-item-${kind}`} data-code={code || undefined}>
      <input {...getInputProps(f.code, { type: "hidden" })} />
      <input {...getInputProps(f.kind, { type: "hidden" })} />
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
      <details open={open || hasErrors} onToggle={(e) => onToggle(e.currentTarget.open)}>
        <summary>
          <span className="item-no">
            {number}
            <small translate="no">{code || t("edit.newItemShort")}</small>
          </span>
          <span className="edit-summary-text">
            {textZh ? (
              <span translate="no">{textZh}</span>
            ) : provisional ? (
              t("edit.newItemSummary", { code: provisional })
            ) : (
              t("edit.blank")
            )}
          </span>
          {hasErrors ? <span className="badge badge-danger">{t("edit.needsFix")}</span> : null}
        </summary>
        <div className="edit-grid">
          <Field meta={f.textZh} label={t("edit.fields.textZh")} className="span-all">
            <textarea {...getTextareaProps(f.textZh)} rows={3} />
          </Field>
          <Field meta={f.textEn} label={t("edit.fields.textEn")} className="span-all">
            <input {...text(f.textEn)} />
          </Field>
          <Field meta={f.method} label={t("edit.fields.method")}>
            <select {...getSelectProps(f.method)}>
              {ITEM_METHODS.map((value) => (
                <option key={value} value={value}>
                  {t(`methods.${value}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field meta={f.tolerance} label={t("edit.fields.tolerance")}>
            <input {...text(f.tolerance)} />
          </Field>
          <fieldset className="edit-numeric span-all">
            <legend>{t("edit.fields.numeric")}</legend>
            <Field meta={f.numericUnit} label={t("edit.fields.numericUnit")}>
              <input
                {...text(f.numericUnit)}
                placeholder={t("edit.fields.numericUnitPlaceholder")}
              />
            </Field>
            <Field meta={f.numericMin} label={t("edit.fields.numericMin")}>
              <input {...decimal(f.numericMin)} />
            </Field>
            <Field meta={f.numericMax} label={t("edit.fields.numericMax")}>
              <input {...decimal(f.numericMax)} />
            </Field>
            <Field meta={f.numericQuantity} label={t("edit.fields.numericQuantity")}>
              <select {...getSelectProps(f.numericQuantity)}>
                {QUANTITIES.map((q) => (
                  <option key={q} value={q}>
                    {t(`edit.quantities.${q}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field meta={f.numericTarget} label={t("edit.fields.numericTarget")}>
              <input {...decimal(f.numericTarget)} />
            </Field>
            <Field meta={f.numericCondition} label={t("edit.fields.numericCondition")}>
              <input {...text(f.numericCondition)} />
            </Field>
            <Field meta={f.numericNote} label={t("edit.fields.numericNote")} className="span-all">
              <input {...text(f.numericNote)} />
            </Field>
          </fieldset>
          <Field meta={f.samplePlan} label={t("edit.fields.samplePlan")} className="span-all">
            <input {...text(f.samplePlan)} />
          </Field>
          <Field meta={f.source} label={t("edit.fields.source")} className="span-all">
            <textarea {...getTextareaProps(f.source)} rows={2} />
          </Field>
          <label className="edit-check span-all">
            <input {...getInputProps(f.verified, { type: "checkbox" })} />
            <span>{t("edit.fields.verified")}</span>
          </label>
          {hasLookupTable ? <p className="muted span-all">{t("edit.fields.lookupTable")}</p> : null}
        </div>
      </details>
    </li>
  );
}
