import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { LotPageView } from "./types";

/**
 * GB 50300-2013 §5.0.6 on the lot page: when the verdict fails, the three routes (返工后重新验收,
 * 检测鉴定, 设计核算) explained with the clause text; the route recorded for this submission or
 * accepted by, with its document; the supervisor's way to the route form.
 */
export function LotNonconformancePanel({
  lotId,
  panel,
}: {
  lotId: string;
  panel: LotPageView["nonconformance"];
}) {
  const { t } = useTranslation("nonconformance");
  if (!panel) return null;
  const { route } = panel;
  return (
    <section
      id="nonconformance"
      className="panel lot-nonconformance"
      aria-label={t("record.heading")}
      data-testid="lot-nonconformance"
    >
      <h2>{panel.failing ? t("panel.title") : t("record.heading")}</h2>
      {panel.failing ? (
        <>
          <p>{t("panel.intro")}</p>
          <ol className="route-list">
            <li>
              <strong>{t("panel.reworkTitle")}</strong> {t("panel.reworkHow")}
              <small className="muted">{t("rules.rework")}</small>
            </li>
            <li>
              <strong>{t("panel.testingTitle")}</strong> {t("panel.testingHow")}
              <small className="muted">{t("rules.testing")}</small>
            </li>
            <li>
              <strong>{t("panel.recalculationTitle")}</strong> {t("panel.recalculationHow")}
              <small className="muted">{t("rules.recalculation")}</small>
            </li>
          </ol>
          <p className="muted">
            <small>{t("rules.repair")}</small> <small>{t("rules.forbidden")}</small>
          </p>
        </>
      ) : null}
      {route ? (
        <p className="alert" data-testid="lot-route">
          {route.bound
            ? t(`clause.${route.route}`)
            : t("panel.pending", { route: t(`routes.${route.route}`) })}{" "}
          <span translate="no">
            {route.body} · {route.reportNumber} ·{" "}
          </span>
          <a href={`/lots/${lotId}/route-document/${route.id}`} translate="no">
            {route.documentName}
          </a>{" "}
          <small className="muted" translate="no">
            SHA-256 {route.documentSha256.slice(0, 16)}…
          </small>
        </p>
      ) : null}
      {panel.canRecord ? (
        <p>
          <Link to={`/lots/${lotId}/route`} className="button">
            {t("panel.open")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
