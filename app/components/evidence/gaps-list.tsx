import { Trans, useTranslation } from "react-i18next";
import type { EvidencePageData } from "~/modules/evidence/page.server";

type Division = EvidencePageData["divisions"][number];

/** What a 分部 still lacks, each gap worded in the reader's language (names and places as data). */
export function GapsList({ d }: { d: Division }) {
  const { t } = useTranslation("evidence");
  if (d.gaps.length === 0)
    return (
      <p className="alert" data-testid="evidence-complete">
        {t("page.complete")}
      </p>
    );
  return (
    <div className="evidence-gaps">
      <h3>
        {t("gaps.heading")}{" "}
        <small className="muted">{t("page.gapCount", { count: d.gaps.length })}</small>
      </h3>
      <ul data-testid="evidence-gaps">
        {d.gaps.map((g, i) => {
          const words = d.gapWords[i];
          const values: Record<string, string> = { ...g.params, place: "", ...g.params };
          if (words?.kind) values.kind = t(`kinds.${words.kind}`);
          if (words?.test) values.test = t(`testNames.${words.test}`);
          return (
            <li key={JSON.stringify(g)}>
              <Trans
                t={t}
                i18nKey={`gaps.${g.code}`}
                values={values}
                components={{ d: <span translate="no" /> }}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
