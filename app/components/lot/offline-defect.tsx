import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useOnline } from "~/components/needs-network";
import {
  DEFAULT_DUE_DAYS,
  defaultDueOn,
  dueOnIso,
  parseDueOn,
  SEVERITIES,
  type Severity,
} from "~/modules/defect/due-dates";
import type { LotItemView } from "~/modules/lot/item-view";
import { useOutbox, useRevalidateWhenSent, useSendingCommand } from "~/modules/offline/hooks";
import { withOutbox } from "~/modules/offline/outbox.lazy";

/** The lot a defect raised offline belongs to; absent when the viewer may not raise defects. */
export type OfflineDefectTarget = {
  lotId: string;
  lotLabel: string;
  baseVersion: string;
  placeLabel: string;
};

/**
 * 登记质量问题 without signal, on a failing item: the new-defect form's fields (title, severity,
 * deadline, description) kept in the outbox and posted after the item's own records, so the
 * server sees the item failing, checks them as the new-defect page does and creates the defect
 * once. Photos are taken on the defect's page once it exists (as for any new defect). Also lists
 * this item's defects still waiting, with their state.
 */
export function OfflineDefect({
  target,
  item,
  failing,
}: {
  target: OfflineDefectTarget;
  item: LotItemView;
  failing: boolean;
}) {
  const { t } = useTranslation("lot");
  const online = useOnline();
  const sending = useSendingCommand();
  const queued = (useOutbox(target.lotId) ?? []).filter(
    (c) => c.kind === "defect" && c.itemId === item.id,
  );
  const [open, setOpen] = useState(false);
  useRevalidateWhenSent(queued.filter((c) => c.status === "pending").length);
  return (
    <div className="offline-defects">
      {queued.length > 0 ? (
        <ul className="upload-list">
          {queued.map((c) => {
            const state =
              c.status === "refused" ? "refused" : sending === c.id ? "sending" : "pending";
            return (
              <li key={c.id} data-testid="queued-defect" className={`queued-${state}`}>
                {t("defects.offline.queued", {
                  title: c.kind === "defect" ? c.fields.title : "",
                  state: t(`sync.photoStates.${state}`),
                })}
                {c.status === "refused" ? (
                  <span className="field-error">
                    {" "}
                    {t("sync.reason")}
                    {c.reasonZh || t("sync.refused")}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {failing && !online && !open ? (
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {t("defects.offline.raise")}
        </button>
      ) : null}
      {failing && open ? (
        <DefectFields target={target} item={item} onDone={() => setOpen(false)} />
      ) : null}
    </div>
  );
}

function DefectFields({
  target,
  item,
  onDone,
}: {
  target: OfflineDefectTarget;
  item: LotItemView;
  onDone: () => void;
}) {
  const { t } = useTranslation("lot");
  const [severity, setSeverity] = useState<Severity>("general");
  const [dueOn, setDueOn] = useState(() => dueOnIso(defaultDueOn("general", new Date())));
  const [error, setError] = useState<string | null>(null);
  // One command per tap: a second tap while the first is being queued adds no second defect.
  const [queuing, setQueuing] = useState(false);
  const id = `offline-defect-${item.id}`;
  return (
    <form
      className="form-stack offline-defect"
      aria-label={t("defects.offline.formLabel", { code: item.code })}
      onSubmit={(e) => {
        e.preventDefault();
        if (queuing) return;
        const data = new FormData(e.currentTarget);
        const title = String(data.get("title") ?? "").trim();
        if (!title) return setError(t("defects.offline.titleRequired"));
        if (!parseDueOn(dueOn)) return setError(t("defects.offline.dueOnInvalid"));
        const fields = {
          lotId: target.lotId,
          itemId: item.id,
          title,
          description: String(data.get("description") ?? ""),
          severity,
          dueOn,
        };
        void withOutbox((outbox) =>
          outbox.enqueueDefect({
            lotId: target.lotId,
            lotLabel: target.lotLabel,
            baseVersion: target.baseVersion,
            itemId: item.id,
            itemCode: item.code,
            fields,
          }),
        ).then(onDone, () => {
          setQueuing(false);
          setError(t("defects.offline.notKept"));
        });
        setQueuing(true);
      }}
    >
      <p className="muted">{t("defects.offline.hint")}</p>
      <label htmlFor={`${id}-title`}>{t("defects.offline.title")}</label>
      <input
        id={`${id}-title`}
        name="title"
        maxLength={200}
        defaultValue={t("defects.offline.prefillTitle", {
          place: target.placeLabel,
          label: item.textZh.slice(0, 40),
        })}
      />
      <label htmlFor={`${id}-severity`}>{t("defects.offline.severity")}</label>
      <select
        id={`${id}-severity`}
        value={severity}
        onChange={(e) => {
          const next = e.currentTarget.value as Severity;
          setSeverity(next);
          setDueOn(dueOnIso(defaultDueOn(next, new Date())));
        }}
      >
        {SEVERITIES.map((s) => (
          <option key={s} value={s}>
            {t(`defects.offline.severities.${s}`, { days: DEFAULT_DUE_DAYS[s] })}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-due`}>{t("defects.offline.dueOn")}</label>
      <input
        id={`${id}-due`}
        type="date"
        value={dueOn}
        onChange={(e) => setDueOn(e.currentTarget.value)}
      />
      <label htmlFor={`${id}-description`}>{t("defects.offline.description")}</label>
      <textarea id={`${id}-description`} name="description" rows={3} maxLength={4000} />
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="workflow-buttons">
        <button type="submit" className="button button-primary" disabled={queuing}>
          {t("defects.offline.save")}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t("defects.offline.cancel")}
        </button>
      </div>
    </form>
  );
}
