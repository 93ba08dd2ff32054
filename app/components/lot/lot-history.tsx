import { useTranslation } from "react-i18next";
import { useFormat } from "~/modules/i18n/use-format";
import type { LotPageView } from "./types";

const ACTION_KEYS = {
  "lot.create": "create",
  "lot.records.save": "records_save",
  "lot.submit": "submit",
  "lot.accept": "accept",
  "lot.reject": "reject",
  "lot.reopen": "reopen",
  "lot.drawing.add": "drawing_add",
  "lot.drawing.remove": "drawing_remove",
  "lot.drawing.acknowledge": "drawing_acknowledge",
  "lot.point.correct": "point_correct",
  "lot.place.save": "place_save",
  "lot.subitem.set": "subitem_set",
  "lot.route.record": "route_record",
} as const;

const isKnown = (action: string): action is keyof typeof ACTION_KEYS => action in ACTION_KEYS;

/** 操作记录: who did what and when; reasons, conclusions and corrections as recorded. */
export function LotHistory({ history }: { history: LotPageView["history"] }) {
  const { t } = useTranslation("lot");
  const f = useFormat();
  const sep = t("page.reasonSep");
  return (
    <section>
      <h2>{t("history.title")}</h2>
      <ol className="history">
        {history.map((h) => (
          <li key={h.seq}>
            <span className="muted">{f.dateTime(h.at)}</span>{" "}
            <span translate="no">{h.actor ?? t("history.system")}</span> ·{" "}
            {isKnown(h.action) ? t(`history.actions.${ACTION_KEYS[h.action]}`) : h.action}
            {h.reason ? (
              <>
                {sep}
                <span translate="no">{h.reason}</span>
              </>
            ) : null}
            {h.corrections ? (
              <span className="history-correction">
                {" "}
                {h.corrections.code}
                {h.corrections.list.map((c) => (
                  <span key={c.seq}>
                    {" "}
                    {t("history.point", { n: c.seq })}{" "}
                    <s className="point-was">{c.from.text ?? c.from.value}</s>
                    {c.to ? ` → ${c.to.text ?? c.to.value}` : t("history.withdrawn")}
                  </span>
                ))}
              </span>
            ) : null}
            {h.conclusion ? (
              <>
                {sep}
                <span translate="no">{h.conclusion}</span>
              </>
            ) : null}
            {h.foreman ? t("history.foreman", { name: h.foreman }) : ""}
            {h.verdict && h.action !== "lot.create" ? (
              <span className="muted">
                {t("history.verdictOpen")}
                <span translate="no">{h.verdict}</span>
                {t("history.verdictClose")}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
