import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Blocker, Prerequisite } from "~/modules/acceptance/prerequisites";
import { blockerMessage, prerequisiteLabel } from "~/modules/acceptance/words";
import type { ReviewSummary } from "~/modules/residents/reviews.server";
import { Worded } from "../worded";

/** Long lists (a plan's missing lots) show this many, the rest behind a disclosure. */
const BLOCKERS_SHOWN = 12;

function BlockerItems({ blockers }: { blockers: Blocker[] }) {
  const { t } = useTranslation("acceptance");
  return (
    <ul>
      {blockers.map((b) => {
        const { key, values } = blockerMessage(t, b);
        const text = <Worded ns="acceptance" k={key} values={values} />;
        return (
          <li key={`${b.href}|${JSON.stringify(values)}`}>
            {b.href ? <Link to={b.href}>{text}</Link> : text}
          </li>
        );
      })}
    </ul>
  );
}

/** The prerequisites of 竣工验收, checked live, each unmet one with what blocks it. */
export function PrerequisitesPanel({ prerequisites }: { prerequisites: Prerequisite[] }) {
  const { t } = useTranslation("acceptance");
  return (
    <section className="panel">
      <h2>{t("prereq.title")}</h2>
      <ul className="prereq-list">
        {prerequisites.map((p) => (
          <li key={p.key} className={p.ok ? "prereq-ok" : "prereq-blocked"}>
            <strong>
              {p.ok ? "✓" : "✗"} {prerequisiteLabel(t, p.key)}
            </strong>
            {p.blockers.length > 0 ? (
              <BlockerItems blockers={p.blockers.slice(0, BLOCKERS_SHOWN)} />
            ) : null}
            {p.blockers.length > BLOCKERS_SHOWN ? (
              <details>
                <summary>{t("prereq.more", { count: p.blockers.length - BLOCKERS_SHOWN })}</summary>
                <BlockerItems blockers={p.blockers.slice(BLOCKERS_SHOWN)} />
              </details>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** 居民评议及满意度: what the residents said of the plan and of the finished work. */
export function ReviewsPanel({ reviews }: { reviews: ReviewSummary }) {
  const { t } = useTranslation("acceptance");
  const { work } = reviews;
  return (
    <section className="panel">
      <h2>{t("reviews.title")}</h2>
      <ul>
        <li>{t("reviews.plan", { codes: reviews.codes, ...reviews.plan })}</li>
        <li>
          {work.total > 0
            ? t("reviews.work", {
                total: work.total,
                average: work.average ?? "",
                satisfied: work.satisfied,
              })
            : t("reviews.noWork")}
        </li>
        {work.byBuilding.map((b) => (
          <li key={b.building}>
            <Worded
              ns="acceptance"
              k="reviews.building"
              values={{ building: b.building, count: b.count, average: b.average ?? "" }}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
