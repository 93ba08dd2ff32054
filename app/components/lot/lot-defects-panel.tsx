import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { LotPageView } from "./types";

/** The lot's defects (质量问题): what blocks acceptance, the list, and failing items to raise from. */
export function LotDefectsPanel({
  lotId,
  defects,
  failingItems,
}: {
  lotId: string;
  defects: LotPageView["defects"];
  failingItems: LotPageView["failingItems"];
}) {
  const { t } = useTranslation("lot");
  const blocking =
    defects.openCount === 0
      ? null
      : defects.openList === null
        ? t("errors.openDefectsCount", { count: defects.openCount })
        : t("errors.openDefects", { list: defects.openList });
  if (!blocking && defects.list.length === 0 && failingItems.length === 0) return null;
  return (
    <section className="panel lot-defects" aria-label={t("defects.title")}>
      <h2>{t("defects.title")}</h2>
      {blocking ? (
        <p className="alert alert-error" data-testid="lot-open-defects">
          {defects.openList === null ? (
            blocking
          ) : (
            <>
              {t("errors.openDefects", { list: "" })}
              <span translate="no">{defects.openList}</span>
            </>
          )}
          {t("defects.blocking")}
        </p>
      ) : null}
      {defects.list.length > 0 ? (
        <ul className="defect-links">
          {defects.list.map((d) => (
            <li key={d.id}>
              <Link to={`/defects/${d.id}`} translate="no">
                {d.number}
              </Link>{" "}
              <span translate="no">{d.title}</span> · {t(`defects.states.${d.status}`)} ·{" "}
              {t("defects.due")}{" "}
              <span className={d.overdue ? "overdue" : undefined}>
                {d.dueOn}
                {d.overdue ? t("defects.overdue") : ""}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {failingItems.length > 0 ? (
        <ul className="defect-from-items">
          {failingItems.map((item) => (
            <li key={item.id}>
              <span>
                {t("defects.failing")}
                {item.code} <span translate="no">{item.textZh.slice(0, 40)}</span>
              </span>{" "}
              <Link
                className="button"
                to={`/defects/new?lotId=${lotId}&itemId=${item.id}`}
                data-testid={`raise-defect-${item.code}`}
              >
                {t("defects.raise")}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
