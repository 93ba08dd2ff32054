import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EntryInput } from "~/modules/lot/entry-types";
import type { LotItemView } from "~/modules/lot/item-view";
import { type ItemVerdict, type LotRules, unitLabel } from "~/modules/lot/verdict";
import { numericLimit } from "~/modules/lot/verdict-legacy";
import { verdictText, verdictTexts } from "~/modules/lot/verdict-text";
import type { PhotoView } from "~/modules/photo/view";
import { ItemPoints } from "./lot/item-points";
import type { OfflineDefectTarget } from "./lot/offline-defect";
import { DeferredOfflineDefect } from "./lot/offline-defect.deferred";
import { type SaveState, useEntryAutosave } from "./lot/use-entry-autosave";
import { PhotoGrid } from "./photo-grid";
import { DeferredPhotoUploader } from "./photo-uploader.deferred";
import { QueuedPhotos } from "./queued-photos";

export type { LotItemView } from "~/modules/lot/item-view";
export { type SaveState, useEntryAutosave };

const RESULTS = ["pass", "fail", "na"] as const;
const STATUSES = ["pass", "fail", "na", "incomplete"] as const;
const statusKey = (s: string) =>
  (STATUSES as readonly string[]).includes(s) ? (s as (typeof STATUSES)[number]) : "incomplete";

/** An item's photos: its thumbnails, and the upload control when the lot may still change. */
export type ItemPhotos = {
  lotId: string;
  /** Where a photo taken offline is queued (the lot's label and state). */
  outbox: { lotLabel: string; baseVersion: string };
  list: PhotoView[];
  canUpload: boolean;
  maxFileBytes: number;
  onOpen: (list: PhotoView[], index: number) => void;
};

/**
 * One checklist item on the tablet: result, measured points judged on entry, note; autosaved.
 * The item's text, tolerance and sample plan are checklist data (shown as written, translate="no").
 */
export function LotItemCard({
  item,
  entry,
  verdict,
  rules,
  editable,
  onChange,
  saveState,
  photos,
  version,
  defect,
}: {
  item: LotItemView;
  entry: EntryInput;
  verdict: ItemVerdict | undefined;
  rules: LotRules;
  editable: boolean;
  onChange: (next: EntryInput, mode: "now" | "later") => void;
  saveState: SaveState;
  photos?: ItemPhotos;
  /** The item's version as the page showed it: the plain form post sends it back (0028). */
  version?: number;
  /** Where a defect raised offline goes; absent when the viewer may not raise one here. */
  defect?: OfflineDefectTarget;
}) {
  void rules;
  const { t } = useTranslation("lot");
  const { t: tv } = useTranslation("checklist");
  // One object per item: the deferred uploader re-renders only on a real change (decision 0036).
  const uploadFields = useMemo(() => ({ itemId: item.id }), [item.id]);
  const lotId = photos?.lotId ?? "";
  const { lotLabel = "", baseVersion = "" } = photos?.outbox ?? {};
  const outbox = useMemo(
    () => ({ lotId, lotLabel, baseVersion, itemId: item.id, itemCode: item.code }),
    [lotId, lotLabel, baseVersion, item.id, item.code],
  );
  const limitText = verdict?.limit ?? numericLimit(item.numericFields);
  const limit = limitText ? verdictText(tv, limitText) : null;
  const unit = unitLabel(item.spec?.unit ?? item.numeric?.unit ?? "");

  const status = statusKey(verdict?.status ?? "incomplete");
  // Without JavaScript the buttons below post this form (the page reloads with the record);
  // with it, their click handlers save through autosave and prevent the post.
  const formId = `item-form-${item.id}`;
  return (
    <li
      className={`lot-item item-${item.kind} lot-item-${status}`}
      data-code={item.code}
      data-item-id={item.id}
      data-status={status}
      data-min={verdict?.bounds?.min ?? undefined}
      data-max={verdict?.bounds?.max ?? undefined}
      data-comparison={item.spec?.comparison}
      data-entry-min={item.spec?.entryRange[0]}
      data-entry-max={item.spec?.entryRange[1]}
      data-required={verdict?.requiredPoints || undefined}
      id={`item-${item.code}`}
    >
      {editable ? (
        <form id={formId} method="post" hidden>
          <input type="hidden" name="intent" value="item" />
          <input type="hidden" name="itemId" value={item.id} />
          {version === undefined ? null : <input type="hidden" name="version" value={version} />}
        </form>
      ) : null}
      <div className="item-head">
        <span className="item-no">
          {item.seq}
          <small translate="no">{item.code}</small>
        </span>
        <div className="item-body">
          <p className="item-text" translate="no">
            {item.textZh}
          </p>
          <p className="item-meta">
            {limit ? (
              <b className="limit">{t("item.limit", { limit })}</b>
            ) : item.tolerance ? (
              <b translate="no">{item.tolerance}</b>
            ) : null}
            {item.numericCondition ? (
              <span className="muted">
                {t("item.appliesBefore")}
                <span translate="no">{item.numericCondition}</span>
                {t("item.appliesAfter")}
              </span>
            ) : null}
            <span className="muted">
              {t("item.samplePlan")}
              <span translate="no">{item.samplePlan}</span>
            </span>
          </p>
        </div>
        <span className={`badge item-status status-${status}`}>{t(`item.status.${status}`)}</span>
      </div>

      <fieldset className="segmented" aria-label={t("item.resultsLabel", { code: item.code })}>
        {RESULTS.map((r) => (
          <button
            key={r}
            type="submit"
            form={formId}
            name="result"
            value={r}
            className={entry.result === r ? `seg seg-${r} seg-on` : `seg seg-${r}`}
            aria-pressed={entry.result === r}
            disabled={!editable}
            onClick={(e) => {
              e.preventDefault();
              onChange({ ...entry, result: entry.result === r ? null : r }, "now");
            }}
          >
            {t(`item.result.${r}`)}
          </button>
        ))}
      </fieldset>

      {item.spec ? (
        <ItemPoints {...{ item, entry, verdict, unit, editable, formId, onChange }} />
      ) : null}

      <NoteField
        value={entry.note ?? ""}
        disabled={!editable}
        label={t("item.noteLabel", { code: item.code })}
        placeholder={t("item.notePlaceholder")}
        form={editable ? formId : undefined}
        onChange={(note) => onChange({ ...entry, note: note === "" ? null : note }, "later")}
      />
      {editable ? (
        <button type="submit" form={formId} className="button nojs-only">
          {t("item.saveNote")}
        </button>
      ) : null}

      {photos && (photos.canUpload || photos.list.length > 0) ? (
        <div className="item-photos">
          <PhotoGrid
            photos={photos.list}
            label={t("item.photosLabel", { code: item.code })}
            onOpen={(i) => photos.onOpen(photos.list, i)}
          />
          <QueuedPhotos lotId={photos.lotId} itemId={item.id} />
          {photos.canUpload ? (
            <DeferredPhotoUploader
              url={`/lots/${photos.lotId}/photos`}
              outbox={outbox}
              fields={uploadFields}
              label={t("item.upload", { code: item.code })}
              maxFileBytes={photos.maxFileBytes}
            />
          ) : null}
        </div>
      ) : null}

      {verdict && status === "fail" ? (
        <ul className="item-reasons">
          {verdictTexts(tv, verdict.reasons).map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
      {defect ? (
        <DeferredOfflineDefect target={defect} item={item} failing={status === "fail"} />
      ) : null}
      <p className={`save-state save-${saveState}`} aria-live="polite">
        {saveState === "saved" ? "" : t(`item.save.${saveState}`)}
      </p>
    </li>
  );
}

function NoteField({
  value,
  disabled,
  label,
  placeholder,
  form,
  onChange,
}: {
  value: string;
  disabled: boolean;
  label: string;
  placeholder: string;
  form?: string;
  onChange: (v: string) => void;
}) {
  const [text, setText] = useState(value);
  return (
    <textarea
      className="note"
      rows={1}
      placeholder={placeholder}
      aria-label={label}
      form={form}
      name={form ? "note" : undefined}
      value={text}
      disabled={disabled}
      onChange={(e) => {
        setText(e.currentTarget.value);
        onChange(e.currentTarget.value);
      }}
    />
  );
}
