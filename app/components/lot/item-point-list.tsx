import { useTranslation } from "react-i18next";
import type { EntryInput } from "~/modules/lot/entry-types";
import type { LotItemView } from "~/modules/lot/item-view";
import { formatEntered, type ItemVerdict } from "~/modules/lot/verdict";

/** What an item card hands its points: the item, its entry and verdict, and how to change it. */
export type PointsProps = {
  item: LotItemView;
  entry: EntryInput;
  verdict: ItemVerdict | undefined;
  unit: string;
  editable: boolean;
  /** The item's form, which the buttons post without JavaScript. */
  formId: string;
  onChange: (next: EntryInput, mode: "now" | "later") => void;
};

/** Verdict of each point by its place in the list: withdrawn points are not judged. */
function pointVerdicts(entry: EntryInput, verdict: ItemVerdict | undefined): (boolean | null)[] {
  const found: (boolean | null)[] = [];
  let live = 0;
  for (const p of entry.points) {
    if (p.removed) found.push(null);
    else found.push(verdict?.points[live++]?.ok ?? null);
  }
  return found;
}

/** The points as entered: superseded values struck through, each marked ✓/✗, with its tools. */
export function PointList({
  correcting,
  onCorrect,
  ...points
}: PointsProps & { correcting: number | null; onCorrect: (index: number) => void }) {
  const { item, entry, verdict, unit, editable, formId, onChange } = points;
  const { t } = useTranslation("lot");
  const verdicts = pointVerdicts(entry, verdict);
  return (
    <ol className="point-list" aria-label={t("item.pointsLabel", { code: item.code })}>
      {entry.points.map((p, i) => {
        const ok = verdicts[i] ?? null;
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
                <s key={k} className="point-was" title={t("item.wasTitle")}>
                  {formatEntered(w.value, unit, w.text)}
                </s>
              ))}
              {(p.was ?? []).length > 0 ? " " : null}
              {p.removed ? (
                <s className="point-was">{formatEntered(p.value, unit, p.text)}</s>
              ) : (
                formatEntered(p.value, unit, p.text)
              )}
              {p.design != null
                ? t("item.pointDesign", { value: formatEntered(p.design, unit) })
                : ""}{" "}
              {p.removed ? t("item.withdrawn") : ok === false ? "✗" : ok ? "✓" : "?"}
              {(p.was ?? []).length > 0 && !p.removed ? <small>{t("item.corrected")}</small> : null}
            </span>
            {editable && !p.removed ? (
              <>
                <button
                  type="button"
                  className="point-remove"
                  aria-label={t("item.correct", { n: i + 1 })}
                  aria-pressed={correcting === i}
                  onClick={() => onCorrect(i)}
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
                  aria-label={t("item.withdraw", { n: i + 1 })}
                  onClick={(e) => {
                    e.preventDefault();
                    onChange(
                      {
                        ...entry,
                        points: entry.points.map((q, k) => (k === i ? { ...q, removed: true } : q)),
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
  );
}
