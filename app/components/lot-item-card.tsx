import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { correctedPoint } from "~/modules/lot/corrections";
import { parseDecimal } from "~/modules/lot/decimal";
import type { EntryInput } from "~/modules/lot/entry-types";
import { formatEntered, type ItemVerdict, type LotRules, unitLabel } from "~/modules/lot/verdict";
import { numericLimit } from "~/modules/lot/verdict-legacy";
import { verdictText, verdictTexts } from "~/modules/lot/verdict-text";
import { useOnline, useOutbox } from "~/modules/offline/hooks";
import { enqueueEntry } from "~/modules/offline/outbox.client";
import type { PhotoView } from "~/modules/photo/view";
import { PhotoGrid } from "./photo-grid";
import { PhotoUploader } from "./photo-uploader";

export type { LotItemView } from "~/modules/lot/item-view";

import type { LotItemView } from "~/modules/lot/item-view";

export type SaveState = "saved" | "saving" | "dirty" | "queued" | "error";

const RESULTS = [
  { value: "pass", label: "合格" },
  { value: "fail", label: "不合格" },
  { value: "na", label: "不适用" },
] as const;

const STATUS_LABELS: Record<string, string> = {
  pass: "合格",
  fail: "不合格",
  na: "不适用",
  incomplete: "未完成",
};

/** One checklist item on the tablet: result, measured points judged on entry, note; autosaved. */
/** An item's photos: its thumbnails, and the upload control when the lot may still change. */
export type ItemPhotos = {
  lotId: string;
  list: PhotoView[];
  canUpload: boolean;
  maxFileBytes: number;
  onOpen: (list: PhotoView[], index: number) => void;
};

export function LotItemCard({
  item,
  entry,
  verdict,
  rules,
  editable,
  onChange,
  saveState,
  photos,
}: {
  item: LotItemView;
  entry: EntryInput;
  verdict: ItemVerdict | undefined;
  rules: LotRules;
  editable: boolean;
  onChange: (next: EntryInput, mode: "now" | "later") => void;
  saveState: SaveState;
  photos?: ItemPhotos;
}) {
  const [pointText, setPointText] = useState("");
  const [pointError, setPointError] = useState<string | null>(null);
  const [pointDesign, setPointDesign] = useState("");
  const [confirming, setConfirming] = useState<string | null>(null);
  /** The point being corrected (index), or null when the box adds a new point. */
  const [correcting, setCorrecting] = useState<number | null>(null);
  void rules;
  const { t: tv } = useTranslation("checklist");
  const limitText = verdict?.limit ?? numericLimit(item.numericFields);
  const limit = limitText ? verdictText(tv, limitText) : null;
  const unit = unitLabel(item.spec?.unit ?? item.numeric?.unit ?? "");
  const needsDesign = item.spec?.comparison === "design" || item.spec?.comparison === "statistic";
  const pointInput = useRef<HTMLInputElement>(null);

  function addPoint(confirmed = false) {
    const value = parseDecimal(pointText);
    if (value === null) {
      setPointError("请输入数字，例如 1.05");
      return;
    }
    const design = pointDesign.trim() === "" ? null : parseDecimal(pointDesign);
    const range = item.spec?.entryRange;
    if (!confirmed && range && (value < range[0] || value > range[1])) {
      setConfirming(`${pointText.trim()} ${unit} ${item.textZh.slice(0, 12)}？请确认单位`);
      return;
    }
    setConfirming(null);
    setPointError(null);
    setPointText("");
    const point = { value, serious: false, text: pointText.trim().replace(",", "."), design };
    // The next value goes in the same box, also after a tap on 添加实测点.
    pointInput.current?.focus();
    const old = correcting === null ? undefined : entry.points[correcting];
    setCorrecting(null);
    if (old) {
      // A correction keeps the old value (struck through); it never replaces it silently.
      const points = entry.points.map((p, k) => (k === correcting ? correctedPoint(p, point) : p));
      onChange({ ...entry, points }, "now");
      return;
    }
    onChange({ ...entry, points: [...entry.points, point] }, "now");
  }
  /** Verdict of each point by its place in the list: withdrawn points are not judged. */
  const pointVerdicts: (boolean | null)[] = [];
  {
    let live = 0;
    for (const p of entry.points) {
      if (p.removed) pointVerdicts.push(null);
      else pointVerdicts.push(verdict?.points[live++]?.ok ?? null);
    }
  }
  const liveCount = entry.points.filter((p) => !p.removed).length;

  const status = verdict?.status ?? "incomplete";
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
        </form>
      ) : null}
      <div className="item-head">
        <span className="item-no">
          {item.seq}
          <small>{item.code}</small>
        </span>
        <div className="item-body">
          <p className="item-text">{item.textZh}</p>
          <p className="item-meta">
            {limit ? (
              <b className="limit">判定：{limit}</b>
            ) : item.tolerance ? (
              <b>{item.tolerance}</b>
            ) : null}
            {item.numericCondition ? (
              <span className="muted">（适用：{item.numericCondition}）</span>
            ) : null}
            <span className="muted">检查数量：{item.samplePlan}</span>
          </p>
        </div>
        <span className={`badge item-status status-${status}`}>{STATUS_LABELS[status]}</span>
      </div>

      <fieldset className="segmented" aria-label={`${item.code} 检查结果`}>
        {RESULTS.map((r) => (
          <button
            key={r.value}
            type="submit"
            form={formId}
            name="result"
            value={r.value}
            className={
              entry.result === r.value ? `seg seg-${r.value} seg-on` : `seg seg-${r.value}`
            }
            aria-pressed={entry.result === r.value}
            disabled={!editable}
            onClick={(e) => {
              e.preventDefault();
              onChange({ ...entry, result: entry.result === r.value ? null : r.value }, "now");
            }}
          >
            {r.label}
          </button>
        ))}
      </fieldset>

      {item.spec ? (
        <div className="points">
          {needsDesign ? (
            <label className="inline-field">
              <span>设计值 ({unit})</span>
              <input
                inputMode="decimal"
                defaultValue={entry.designValue ?? ""}
                disabled={!editable}
                aria-label={`${item.code} 设计值`}
                form={formId}
                name="designValue"
                onKeyDown={(e) => {
                  if (e.key === "Enter") {
                    e.preventDefault();
                    e.currentTarget.blur();
                  }
                }}
                onBlur={(e) => {
                  const v =
                    e.currentTarget.value.trim() === ""
                      ? null
                      : parseDecimal(e.currentTarget.value);
                  if (v !== entry.designValue) onChange({ ...entry, designValue: v }, "now");
                }}
              />
            </label>
          ) : null}
          <ol className="point-list" aria-label={`${item.code} 实测点`}>
            {entry.points.map((p, i) => {
              const ok = pointVerdicts[i] ?? null;
              const cls = p.removed
                ? "point point-removed"
                : ok === false
                  ? "point point-bad"
                  : ok
                    ? "point point-ok"
                    : "point";
              return (
                <li
                  // biome-ignore lint/suspicious/noArrayIndexKey: points are positional (点 1, 点 2…)
                  key={i}
                  className={cls}
                >
                  <span>
                    {i + 1}.{" "}
                    {(p.was ?? []).map((w, k) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a point's history is positional
                      <s key={k} className="point-was" title="更正前的值">
                        {formatEntered(w.value, unit, w.text)}
                      </s>
                    ))}
                    {(p.was ?? []).length > 0 ? " " : null}
                    {p.removed ? (
                      <s className="point-was">{formatEntered(p.value, unit, p.text)}</s>
                    ) : (
                      formatEntered(p.value, unit, p.text)
                    )}
                    {p.design != null ? ` (设计 ${formatEntered(p.design, unit)})` : ""}{" "}
                    {p.removed ? "已作废" : ok === false ? "✗" : ok ? "✓" : "?"}
                    {(p.was ?? []).length > 0 && !p.removed ? <small> 已更正</small> : null}
                  </span>
                  {editable && !p.removed ? (
                    <>
                      <button
                        type="button"
                        className="point-remove"
                        aria-label={`更正第 ${i + 1} 点`}
                        aria-pressed={correcting === i}
                        onClick={() => {
                          setCorrecting(correcting === i ? null : i);
                          pointInput.current?.focus();
                        }}
                      >
                        ✎
                      </button>
                      <button
                        // Without JavaScript this posts the item's form (the point is withdrawn).
                        type="submit"
                        form={formId}
                        name="remove"
                        value={i}
                        className="point-remove"
                        aria-label={`作废第 ${i + 1} 点`}
                        onClick={(e) => {
                          e.preventDefault();
                          onChange(
                            {
                              ...entry,
                              points: entry.points.map((q, k) =>
                                k === i ? { ...q, removed: true } : q,
                              ),
                            },
                            "now",
                          );
                        }}
                      >
                        ×
                      </button>
                    </>
                  ) : null}
                </li>
              );
            })}
          </ol>
          <p className="muted point-count">
            已测 {liveCount} 点{item.requiredSamples ? ` / 至少 ${item.requiredSamples} 点` : ""}
            {verdict?.passRate !== undefined
              ? ` · 合格率 ${Math.round(verdict.passRate * 100)}%`
              : ""}
          </p>
          {editable ? (
            <div className="point-add">
              <input
                ref={pointInput}
                inputMode="decimal"
                enterKeyHint="done"
                placeholder={
                  correcting === null
                    ? `实测值 (${unit || "数值"})`
                    : `第 ${correcting + 1} 点更正为 (${unit || "数值"})`
                }
                aria-label={`${item.code} 实测值`}
                form={formId}
                name="point"
                value={pointText}
                aria-invalid={pointError ? true : undefined}
                onChange={(e) => setPointText(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") {
                    e.preventDefault();
                    addPoint();
                  }
                }}
              />
              <span className="keypad-unit" title="单位">
                {unit || "—"}
              </span>
              {needsDesign ? (
                <input
                  inputMode="decimal"
                  placeholder={`本点设计值 (${unit})`}
                  aria-label={`${item.code} 本点设计值`}
                  form={formId}
                  name="pointDesign"
                  value={pointDesign}
                  onChange={(e) => setPointDesign(e.currentTarget.value)}
                />
              ) : null}
              <button
                type="submit"
                form={formId}
                name="op"
                value="point"
                className="button"
                onClick={(e) => {
                  e.preventDefault();
                  addPoint();
                }}
              >
                {correcting === null ? "添加实测点" : "保存更正"}
              </button>
            </div>
          ) : null}
          {confirming ? (
            <p className="field-error" role="alert">
              {confirming}{" "}
              <button type="button" className="button" onClick={() => addPoint(true)}>
                确认添加
              </button>
            </p>
          ) : null}
          {pointError ? <em className="field-error">{pointError}</em> : null}
        </div>
      ) : null}

      <NoteField
        value={entry.note ?? ""}
        disabled={!editable}
        label={`${item.code} 检查记录`}
        form={editable ? formId : undefined}
        onChange={(note) => onChange({ ...entry, note: note === "" ? null : note }, "later")}
      />
      {editable ? (
        <button type="submit" form={formId} className="button nojs-only">
          保存备注
        </button>
      ) : null}

      {photos && (photos.canUpload || photos.list.length > 0) ? (
        <div className="item-photos">
          <PhotoGrid
            photos={photos.list}
            label={`${item.code} 照片`}
            onOpen={(i) => photos.onOpen(photos.list, i)}
          />
          {photos.canUpload ? (
            <PhotoUploader
              url={`/lots/${photos.lotId}/photos`}
              fields={{ itemId: item.id }}
              label={`${item.code} 拍照/选择照片`}
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
      <p className={`save-state save-${saveState}`} aria-live="polite">
        {saveState === "saving"
          ? "保存中…"
          : saveState === "queued"
            ? "已存本机，待上传"
            : saveState === "error"
              ? "未保存：见页面顶部的 冲突 列表"
              : saveState === "dirty"
                ? "待保存"
                : ""}
      </p>
    </li>
  );
}

function NoteField({
  value,
  disabled,
  label,
  form,
  onChange,
}: {
  value: string;
  disabled: boolean;
  label: string;
  form?: string;
  onChange: (v: string) => void;
}) {
  const [text, setText] = useState(value);
  return (
    <textarea
      className="note"
      rows={1}
      placeholder="检查记录 / 备注"
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

/**
 * Autosave for one item through the outbox (app/modules/offline): every change becomes a command
 * in IndexedDB, sent at once when online and in order once the network returns; a note is queued
 * after a pause in typing, or at once when the page is hidden.
 */
export function useEntryAutosave(target: {
  lotId: string;
  lotLabel: string;
  itemId: string;
  itemCode: string;
  baseVersion: string;
}) {
  const { lotId, itemId } = target;
  const commands = useOutbox(lotId);
  const online = useOnline();
  const later = useRef<EntryInput | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const targetRef = useRef(target);
  targetRef.current = target;
  const [queueFailed, setQueueFailed] = useState(false);

  const queue = (entry: EntryInput) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    later.current = null;
    const { lotId, lotLabel, itemId, itemCode, baseVersion } = targetRef.current;
    enqueueEntry({ lotId, lotLabel, itemId, itemCode, baseVersion, entry }).then(
      () => setQueueFailed(false),
      () => setQueueFailed(true),
    );
  };
  const queueRef = useRef(queue);
  queueRef.current = queue;

  useEffect(() => {
    const flush = () => {
      if (later.current) queueRef.current(later.current);
    };
    window.addEventListener("pagehide", flush);
    const onHidden = () => document.visibilityState === "hidden" && flush();
    document.addEventListener("visibilitychange", onHidden);
    return () => {
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", onHidden);
    };
  }, []);

  const [typing, setTyping] = useState(false);
  const save = (entry: EntryInput, mode: "now" | "later") => {
    if (mode === "now") {
      setTyping(false);
      queue(entry);
      return;
    }
    later.current = entry;
    setTyping(true);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setTyping(false);
      if (later.current) queue(later.current);
    }, 600);
  };
  const mine = (commands ?? []).filter((c) => c.itemId === itemId);
  const state: SaveState =
    queueFailed || mine.some((c) => c.status === "refused")
      ? "error"
      : mine.length > 0
        ? online
          ? "saving"
          : "queued"
        : typing
          ? "dirty"
          : "saved";
  return { save, state };
}
