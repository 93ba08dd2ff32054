import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { correctedPoint } from "~/modules/lot/corrections";
import { parseDecimal } from "~/modules/lot/decimal";
import { PointList, type PointsProps } from "./item-point-list";

/**
 * An item's measured points: the design value where the spec compares with it, the points as
 * entered (each judged on entry, corrections struck through), and the box that adds or corrects
 * one. Without JavaScript the buttons post the item's form (`formId`).
 */
export function ItemPoints(points: PointsProps) {
  const { item, entry, verdict, unit, editable, formId, onChange } = points;
  const { t } = useTranslation("lot");
  const [pointText, setPointText] = useState("");
  const [pointError, setPointError] = useState<string | null>(null);
  const [pointDesign, setPointDesign] = useState("");
  const [confirming, setConfirming] = useState<{ value: string; item: string } | null>(null);
  /** The point being corrected (index), or null when the box adds a new point. */
  const [correcting, setCorrecting] = useState<number | null>(null);
  const needsDesign = item.spec?.comparison === "design" || item.spec?.comparison === "statistic";
  const pointInput = useRef<HTMLInputElement>(null);

  function addPoint(confirmed = false) {
    const value = parseDecimal(pointText);
    if (value === null) {
      setPointError(t("item.notNumber"));
      return;
    }
    const design = pointDesign.trim() === "" ? null : parseDecimal(pointDesign);
    const range = item.spec?.entryRange;
    if (!confirmed && range && (value < range[0] || value > range[1])) {
      setConfirming({ value: `${pointText.trim()} ${unit}`, item: item.textZh.slice(0, 12) });
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
  const liveCount = entry.points.filter((p) => !p.removed).length;
  const unitOrNumber = unit || t("item.number");

  return (
    <div className="points">
      {needsDesign ? (
        <label className="inline-field">
          <span>{t("item.design", { unit })}</span>
          <input
            inputMode="decimal"
            defaultValue={entry.designValue ?? ""}
            disabled={!editable}
            aria-label={t("item.designLabel", { code: item.code })}
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
                e.currentTarget.value.trim() === "" ? null : parseDecimal(e.currentTarget.value);
              if (v !== entry.designValue) onChange({ ...entry, designValue: v }, "now");
            }}
          />
        </label>
      ) : null}
      <PointList
        {...points}
        correcting={correcting}
        onCorrect={(i) => {
          setCorrecting(correcting === i ? null : i);
          pointInput.current?.focus();
        }}
      />
      <p className="muted point-count">
        {t("item.measured", { n: liveCount })}
        {item.requiredSamples ? t("item.atLeast", { n: item.requiredSamples }) : ""}
        {verdict?.passRate !== undefined
          ? t("item.passRate", { rate: Math.round(verdict.passRate * 100) })
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
                ? t("item.valuePlaceholder", { unit: unitOrNumber })
                : t("item.correctPlaceholder", { n: correcting + 1, unit: unitOrNumber })
            }
            aria-label={t("item.valueLabel", { code: item.code })}
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
          <span className="keypad-unit" title={t("item.unit")}>
            {unit || "—"}
          </span>
          {needsDesign ? (
            <input
              inputMode="decimal"
              placeholder={t("item.pointDesignPlaceholder", { unit })}
              aria-label={t("item.pointDesignLabel", { code: item.code })}
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
            {correcting === null ? t("item.add") : t("item.saveCorrection")}
          </button>
        </div>
      ) : null}
      {confirming ? (
        <p className="field-error" role="alert">
          {confirming.value} <span translate="no">{confirming.item}</span>
          {t("item.confirmUnit")}{" "}
          <button type="button" className="button" onClick={() => addPoint(true)}>
            {t("item.confirmAdd")}
          </button>
        </p>
      ) : null}
      {pointError ? <em className="field-error">{pointError}</em> : null}
    </div>
  );
}
