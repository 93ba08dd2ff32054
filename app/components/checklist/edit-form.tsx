import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type EditFormValues,
  emptyValues,
  itemCode,
  valuesFromItem,
} from "~/modules/checklist/edit-schema";
import { ITEM_KINDS } from "~/modules/checklist/labels";
import { type Draft, ItemCard } from "./edit-item-card";

type Kind = (typeof ITEM_KINDS)[number];

/** What the publish action answers with when it refuses (the form shows the values again). */
export type EditAnswer = {
  values: EditFormValues;
  errors: Record<string, string>;
  message: string;
  stale: boolean;
};

type Checklist = {
  version: number;
  prefix: string;
  next: Record<Kind, number>;
  workType: { code: string };
  items: (Parameters<typeof valuesFromItem>[0] & { code: string; hasLookupTable: boolean })[];
};

/**
 * The checklist editor: every item of the current version, grouped 主控项目 then 一般项目, to
 * change, add, remove and reorder; publishing makes version n+1.
 */
export function EditForm({
  checklist,
  answer,
}: {
  checklist: Checklist;
  answer: EditAnswer | null;
}) {
  const { t } = useTranslation("checklist");
  const { workType, version } = checklist;
  // Item errors are keyed by position: adding, removing or moving an item drops them.
  const [errors, setErrors] = useState<Record<string, string>>(answer?.errors ?? {});
  const dropItemErrors = () =>
    setErrors((all) =>
      Object.fromEntries(Object.entries(all).filter(([k]) => !k.startsWith("items"))),
    );
  const lookupCodes = new Set(checklist.items.filter((i) => i.hasLookupTable).map((i) => i.code));
  const [drafts, setDrafts] = useState<Draft[]>(() => {
    const start = answer?.values.items ?? checklist.items.map(valuesFromItem);
    // Keys are also element ids: the same on the server and in the browser.
    return start.map((values, index) => ({
      key: values.code || `new-${index}`,
      values,
      open: Object.keys(errors).some((k) => k.startsWith(`items.${index}.`)),
      removed: false,
      hasLookupTable: lookupCodes.has(values.code),
    }));
  });
  const added = useRef(0);
  const focusNew = useRef<string | null>(null);
  const busy = useNavigation().state === "submitting";
  const formRef = useRef<HTMLFormElement>(null);

  // The form keeps what was typed (its inputs are the browser's); an answer with errors opens
  // the cards concerned, then the first wrong field gets the focus.
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    setErrors(answer?.errors ?? {});
    if (!answer || Object.keys(answer.errors).length === 0) return;
    const wrong = (i: number) =>
      Object.keys(answer.errors).some((k) => k.startsWith(`items.${i}.`));
    setDrafts((all) => {
      const posted = (["main", "general"] as const).flatMap((kind) =>
        all.filter((d) => !d.removed && d.values.kind === kind),
      );
      const open = new Set(posted.filter((_, i) => wrong(i)).map((d) => d.key));
      return all.map((d) => (open.has(d.key) && !d.open ? { ...d, open: true } : d));
    });
    setFocusRequest((n) => n + 1);
  }, [answer]);
  useEffect(() => {
    if (focusRequest === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']");
    first?.focus();
    first?.scrollIntoView({ block: "center" });
  }, [focusRequest]);

  useEffect(() => {
    if (!focusNew.current) return;
    const text = document.getElementById(`${focusNew.current}-textZh`);
    focusNew.current = null;
    text?.scrollIntoView({ block: "center" });
    text?.focus();
  });

  const update = (key: string, change: (d: Draft) => Draft) =>
    setDrafts((all) => all.map((d) => (d.key === key ? change(d) : d)));

  function move(key: string, direction: -1 | 1) {
    dropItemErrors();
    setDrafts((all) => {
      const index = all.findIndex((d) => d.key === key);
      const me = all[index];
      if (!me) return all;
      let other = index + direction;
      while (all[other] && (all[other]?.removed || all[other]?.values.kind !== me.values.kind)) {
        other += direction;
      }
      const target = all[other];
      if (!target) return all;
      const next = [...all];
      next[index] = target;
      next[other] = me;
      return next;
    });
  }

  function add(kind: Kind) {
    const key = `added-${++added.current}`;
    focusNew.current = key;
    dropItemErrors();
    setDrafts((all) => [
      ...all,
      {
        key,
        values: emptyValues({ kind, method: "observe", numericQuantity: "absolute" }),
        open: true,
        removed: false,
        hasLookupTable: false,
      },
    ]);
  }

  // Posted in display order: main items, then general ones (the server numbers them so too).
  const groups = ITEM_KINDS.map((kind) => ({
    kind,
    drafts: drafts.filter((d) => d.values.kind === kind),
  }));
  let index = 0;
  const errorCount = Object.keys(errors).length;

  return (
    <Form method="post" noValidate ref={formRef} className="edit-form">
      <input type="hidden" name="basedOnVersion" value={answer?.values.basedOnVersion ?? version} />
      {answer ? (
        <div className="alert alert-error" role="alert">
          <p>{answer.message}</p>
          {answer.stale ? (
            <p>
              <a className="button" href={`/work-types/${workType.code}/edit`}>
                {t("edit.reopenLatest")}
              </a>
            </p>
          ) : null}
          {errors.items ? <p>{errors.items}</p> : null}
        </div>
      ) : null}
      <section className="panel edit-intro">
        <p>
          {t("edit.introBefore")}
          <b>{t("edit.introVersion", { next: version + 1 })}</b>
          {t("edit.introAfter", { version })}
        </p>
        <label className="field">
          <span>{t("edit.changeNote")}</span>
          <textarea
            name="changeNote"
            rows={2}
            maxLength={500}
            defaultValue={answer?.values.changeNote ?? ""}
            placeholder={t("edit.changeNotePlaceholder")}
            aria-invalid={errors.changeNote ? true : undefined}
            aria-describedby={errors.changeNote ? "changeNote-error" : undefined}
          />
          {errors.changeNote ? (
            <em className="field-error" id="changeNote-error">
              {errors.changeNote}
            </em>
          ) : null}
        </label>
      </section>

      {groups.map((group) => {
        const live = group.drafts.filter((d) => !d.removed);
        let newCount = 0;
        return (
          <section key={group.kind} aria-label={t(`kinds.${group.kind}`)}>
            <h2>
              {t(`kinds.${group.kind}`)} <small>{t("items.count", { count: live.length })}</small>
            </h2>
            <ol className="edit-items">
              {group.drafts.map((draft) => {
                if (draft.removed) {
                  return (
                    <li key={draft.key} className="edit-removed">
                      <span>
                        {t("edit.removed")} <b translate="no">{draft.values.code}</b>{" "}
                        <span translate="no">{draft.values.textZh}</span>
                      </span>
                      <button
                        type="button"
                        className="button"
                        onClick={() => {
                          dropItemErrors();
                          update(draft.key, (d) => ({ ...d, removed: false }));
                        }}
                      >
                        {t("edit.restore")}
                      </button>
                    </li>
                  );
                }
                const i = index++;
                const position = live.indexOf(draft);
                const provisional = draft.values.code
                  ? null
                  : itemCode(checklist.prefix, group.kind, checklist.next[group.kind] + newCount++);
                return (
                  <ItemCard
                    key={draft.key}
                    draft={draft}
                    index={i}
                    number={position + 1}
                    provisional={provisional}
                    errors={errors}
                    canUp={position > 0}
                    canDown={position < live.length - 1}
                    onMove={(direction) => move(draft.key, direction)}
                    onRemove={() => {
                      dropItemErrors();
                      if (draft.values.code) update(draft.key, (d) => ({ ...d, removed: true }));
                      else setDrafts((all) => all.filter((d) => d.key !== draft.key));
                    }}
                    onToggle={(open) =>
                      draft.open !== open && update(draft.key, (d) => ({ ...d, open }))
                    }
                    onTextChange={(textZh) =>
                      update(draft.key, (d) => ({ ...d, values: { ...d.values, textZh } }))
                    }
                  />
                );
              })}
            </ol>
            <button type="button" className="button edit-add" onClick={() => add(group.kind)}>
              {t("edit.add", { kind: t(`kinds.${group.kind}`) })}
            </button>
          </section>
        );
      })}

      <div className="edit-actions">
        {errorCount > 0 ? (
          <span className="field-error">{t("edit.errorCount", { count: errorCount })}</span>
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
