import { getFormProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FieldErrors, useSchemaForm } from "~/components/form";
import {
  checklistEditSchema,
  emptyValues,
  type ItemValues,
  itemCode,
  valuesFromItem,
} from "~/modules/checklist/edit-schema";
import { ITEM_KINDS } from "~/modules/checklist/labels";
import { ItemCard } from "./edit-item-card";

type Kind = (typeof ITEM_KINDS)[number];

type Checklist = {
  version: number;
  prefix: string;
  next: Record<Kind, number>;
  workType: { code: string };
  items: (Parameters<typeof valuesFromItem>[0] & { code: string; hasLookupTable: boolean })[];
};

/** An item taken out of the list, shown in its group until it is restored or published away. */
type Removed = { key: string; values: Partial<ItemValues> };

/**
 * The checklist editor: every item of the current version, grouped 主控项目 then 一般项目, to
 * change, add, remove and reorder (conform's field list, kept main-first: the posted order); the
 * schema of the checklist module validates here and in the action. Publishing makes version n+1.
 */
export function EditForm({
  checklist,
  lastResult,
}: {
  checklist: Checklist;
  lastResult: SubmissionResult<string[]> | null | undefined;
}) {
  const { t } = useTranslation("checklist");
  const { workType, version } = checklist;
  const schema = useMemo(() => checklistEditSchema(t), [t]);
  const [form, fields] = useSchemaForm(schema, {
    id: "checklist-edit",
    lastResult,
    defaultValue: {
      basedOnVersion: String(version),
      changeNote: "",
      items: ITEM_KINDS.flatMap((kind) =>
        checklist.items.filter((i) => i.kind === kind).map(valuesFromItem),
      ),
    },
  });
  const lookupCodes = new Set(checklist.items.filter((i) => i.hasLookupTable).map((i) => i.code));
  const items = fields.items.getFieldList();
  const [removed, setRemoved] = useState<Removed[]>([]);
  const [opened, setOpened] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const focusIndex = useRef<number | null>(null);
  const busy = useNavigation().state === "submitting";
  const kindOf = (index: number) => items[index]?.getFieldset().kind.value;

  useEffect(() => {
    if (focusIndex.current === null) return;
    const id = items[focusIndex.current]?.getFieldset().textZh.id;
    focusIndex.current = null;
    const text = id ? document.getElementById(id) : null;
    text?.scrollIntoView({ block: "center" });
    text?.focus();
  });

  const groupEnd = (kind: Kind) =>
    kind === "main" ? items.filter((_, i) => kindOf(i) === "main").length : items.length;
  function add(kind: Kind) {
    const index = groupEnd(kind);
    focusIndex.current = index;
    form.insert({
      name: fields.items.name,
      index,
      defaultValue: emptyValues({ kind, method: "observe", numericQuantity: "absolute" }),
    });
  }
  function restore(entry: Removed) {
    setRemoved((all) => all.filter((r) => r !== entry));
    const kind = entry.values.kind === "general" ? "general" : "main";
    form.insert({ name: fields.items.name, index: groupEnd(kind), defaultValue: entry.values });
  }

  // Fields to correct; a stale base version is not one (the alert offers the latest version).
  const fieldErrorCount = Object.keys(form.allErrors).filter(
    (name) => name !== "" && name !== fields.basedOnVersion.name && name !== fields.items.name,
  ).length;
  const showAlert = (submitted || lastResult) && Object.keys(form.allErrors).length > 0;

  return (
    <Form
      method="post"
      {...getFormProps(form)}
      onSubmitCapture={() => setSubmitted(true)}
      className="edit-form"
    >
      <input type="hidden" name={fields.basedOnVersion.name} value={version} />
      {showAlert ? (
        <div className="alert alert-error" role="alert">
          {fieldErrorCount > 0 ? <p>{t("edit.invalid", { count: fieldErrorCount })}</p> : null}
          {[...(form.errors ?? []), ...(fields.items.errors ?? [])].map((e) => (
            <p key={e}>{e}</p>
          ))}
          {fields.basedOnVersion.errors?.length ? (
            <>
              <p id={fields.basedOnVersion.errorId}>{fields.basedOnVersion.errors.join(" ")}</p>
              <p>
                <a className="button" href={`/work-types/${workType.code}/edit`}>
                  {t("edit.reopenLatest")}
                </a>
              </p>
            </>
          ) : null}
        </div>
      ) : null}
      <section className="panel edit-intro">
        <p>
          {t("edit.introBefore")}
          <b>{t("edit.introVersion", { next: version + 1 })}</b>
          {t("edit.introAfter", { version })}
        </p>
        <div className="field">
          <label htmlFor={fields.changeNote.id}>{t("edit.changeNote")}</label>
          <textarea
            {...getTextareaProps(fields.changeNote)}
            rows={2}
            placeholder={t("edit.changeNotePlaceholder")}
          />
          <FieldErrors meta={fields.changeNote} />
        </div>
      </section>

      {ITEM_KINDS.map((kind) => {
        const mine = items
          .map((item, index) => ({ item, index }))
          .filter((e) => kindOf(e.index) === kind);
        const gone = removed.filter((r) => r.values.kind === kind);
        let newCount = 0;
        return (
          <section key={kind} aria-label={t(`kinds.${kind}`)}>
            <h2>
              {t(`kinds.${kind}`)} <small>{t("items.count", { count: mine.length })}</small>
            </h2>
            <ol className="edit-items">
              {mine.map(({ item, index }, position) => {
                const code = item.getFieldset().code.value ?? "";
                const provisional = code
                  ? null
                  : itemCode(checklist.prefix, kind, checklist.next[kind] + newCount++);
                return (
                  <ItemCard
                    key={item.key}
                    item={item}
                    number={position + 1}
                    provisional={provisional}
                    hasLookupTable={lookupCodes.has(code)}
                    open={opened[item.key ?? ""] ?? !code}
                    canUp={position > 0}
                    canDown={position < mine.length - 1}
                    onMove={(direction) =>
                      form.reorder({ name: fields.items.name, from: index, to: index + direction })
                    }
                    onRemove={() => {
                      if (code) {
                        const values = (item.value ?? {}) as Partial<ItemValues>;
                        setRemoved((all) => [...all, { key: item.key ?? code, values }]);
                      }
                      form.remove({ name: fields.items.name, index });
                    }}
                    onToggle={(open) =>
                      setOpened((all) =>
                        all[item.key ?? ""] === open ? all : { ...all, [item.key ?? ""]: open },
                      )
                    }
                  />
                );
              })}
              {gone.map((entry) => (
                <li key={entry.key} className="edit-removed">
                  <span>
                    {t("edit.removed")} <b translate="no">{entry.values.code}</b>{" "}
                    <span translate="no">{entry.values.textZh}</span>
                  </span>
                  <button type="button" className="button" onClick={() => restore(entry)}>
                    {t("edit.restore")}
                  </button>
                </li>
              ))}
            </ol>
            <button type="button" className="button edit-add" onClick={() => add(kind)}>
              {t("edit.add", { kind: t(`kinds.${kind}`) })}
            </button>
          </section>
        );
      })}

      <div className="edit-actions">
        {fieldErrorCount > 0 ? (
          <span className="field-error">{t("edit.errorCount", { count: fieldErrorCount })}</span>
        ) : (
          <span className="muted">{t("edit.basedOn", { version })}</span>
        )}
        <Link className="button" to={`/work-types/${workType.code}`}>
          {t("edit.cancel")}
        </Link>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t("edit.publishing") : t("edit.publish", { next: version + 1 })}
        </button>
      </div>
    </Form>
  );
}
