import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DataName } from "~/components/checklist/data-text";
import type { HomeDefect, HomeList, HomeLot } from "~/modules/home/home.server";
import { useFormat } from "~/modules/i18n/use-format";

// Words: site:home.* (pages using these lists name "site" and "checklist" in their handle).
// Data (numbers, names, places as written) sits in <bdi translate="no">.

function Head({ title, count, shown }: { title: string; count: number; shown: number }) {
  const { t } = useTranslation("site");
  return (
    <h2 className="home-head">
      {title} <span className="home-count">{count}</span>
      {count > shown ? <small className="muted">{t("home.shownFirst", { shown })}</small> : null}
    </h2>
  );
}

type ListProps<T> = {
  title: string;
  list: HomeList<T>;
  empty: string;
  testId: string;
  nextStep: string;
};

/**
 * One home list: heading with count, the next step, one card per row (one tap to its page) and,
 * when `more` is given and rows were left out, a link to all of them.
 */
function HomeSection<T extends { id: string }>({
  title,
  list,
  empty,
  testId,
  nextStep,
  more,
  href,
  children,
}: ListProps<T> & {
  more?: string;
  href: (row: T) => string;
  children: (row: T) => ReactNode;
}) {
  const { t } = useTranslation("site");
  return (
    <section className="home-section" data-testid={testId}>
      <Head title={title} count={list.count} shown={list.rows.length} />
      {list.rows.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <>
          <p className="muted home-next">{t("home.nextStep", { step: nextStep })}</p>
          <ul className="card-list">
            {list.rows.map((row) => (
              <li key={row.id}>
                <Link className="card card-link home-row" to={href(row)}>
                  {children(row)}
                </Link>
              </li>
            ))}
          </ul>
          {more && list.count > list.rows.length ? (
            <Link className="button home-more" to={more}>
              {t("home.seeAll", { count: list.count })}
            </Link>
          ) : null}
        </>
      )}
    </section>
  );
}

/** Lots on the home page: each row one tap from the lot, with who acts next and what. */
export function HomeLotList(props: ListProps<HomeLot>) {
  const { t } = useTranslation("site");
  return (
    <HomeSection {...props} href={(l) => `/lots/${l.id}`}>
      {(l) => (
        <>
          <strong>
            <DataName zh={l.workType.zh} en={l.workType.en} /> · <bdi translate="no">{l.place}</bdi>
          </strong>
          <span className="muted">
            <bdi translate="no">
              {l.number} · {l.detail}
            </bdi>
            {l.reason ? (
              <>
                {t("home.returnReason")}
                <bdi translate="no">{l.reason}</bdi>
              </>
            ) : null}
          </span>
        </>
      )}
    </HomeSection>
  );
}

/** Defects on the home page, by due date; `more` lists them all. */
export function HomeDefectList(props: ListProps<HomeDefect> & { more: string }) {
  const { t } = useTranslation("site");
  const format = useFormat();
  return (
    <HomeSection {...props} href={(d) => `/defects/${d.id}`}>
      {(d) => (
        <>
          <strong translate="no">
            {d.number} {d.title}
          </strong>
          <span className="muted">
            <bdi translate="no">
              {d.placeLabel} · {d.detail}
            </bdi>{" "}
            · {t("home.due")}{" "}
            <span className={d.overdue ? "overdue" : d.dueToday ? "due-today" : undefined}>
              {format.date(d.dueOn)}
              {d.overdue ? t("home.overdue") : d.dueToday ? t("home.dueToday") : ""}
            </span>
          </span>
        </>
      )}
    </HomeSection>
  );
}

export function HomeProgress({
  progress,
  showDefects,
}: {
  progress: {
    id: string;
    name: string;
    total: number;
    accepted: number;
    submitted: number;
    openDefects: number;
  }[];
  showDefects: boolean;
}) {
  const { t } = useTranslation("site");
  return (
    <section className="home-section" data-testid="home-progress">
      <h2 className="home-head">{t("home.progress")}</h2>
      <ul className="card-grid">
        {progress.map((c) => (
          <li key={c.id}>
            <Link className="card card-link home-row" to={`/compounds/${c.id}`}>
              <strong className="card-title" translate="no">
                {c.name}
              </strong>
              <span>
                {t("home.lotsAccepted", { accepted: c.accepted, total: c.total })}
                {c.submitted > 0 ? t("home.awaitingAcceptance", { count: c.submitted }) : ""}
              </span>
              <progress
                max={Math.max(c.total, 1)}
                value={c.accepted}
                aria-label={t("home.progressLabel")}
              />
              {showDefects ? (
                <span className={c.openDefects > 0 ? "overdue" : "muted"}>
                  {t("home.openDefects", { count: c.openDefects })}
                </span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Browsing by place starts here: the compounds the user may open. */
export function HomeCompounds({
  compounds,
}: {
  compounds: { id: string; name: string; address: string }[];
}) {
  const { t } = useTranslation("site");
  if (compounds.length === 0) return null;
  return (
    <section className="home-section" data-testid="home-compounds">
      <h2 className="home-head">{t("home.compounds")}</h2>
      <ul className="card-grid">
        {compounds.map((c) => (
          <li key={c.id}>
            <Link className="card card-link" to={`/compounds/${c.id}`} translate="no">
              <strong className="card-title">{c.name}</strong>
              <span className="muted">{c.address}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
