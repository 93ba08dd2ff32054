import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { HomeDefect, HomeList, HomeLot } from "~/modules/home/home.server";

function Head({ title, count, shown }: { title: string; count: number; shown: number }) {
  return (
    <h2 className="home-head">
      {title} <span className="home-count">{count}</span>
      {count > shown ? <small className="muted">（显示最早的 {shown} 个）</small> : null}
    </h2>
  );
}

/**
 * One home list: heading with count, the next step, one card per row (one tap to its page) and,
 * when `more` is given and rows were left out, a link to all of them.
 */
function HomeSection<T extends { id: string }>({
  title,
  list,
  empty,
  testId,
  nextStepZh,
  more,
  href,
  children,
}: {
  title: string;
  list: HomeList<T>;
  empty: string;
  testId: string;
  nextStepZh: string;
  more?: string;
  href: (row: T) => string;
  children: (row: T) => ReactNode;
}) {
  return (
    <section className="home-section" data-testid={testId}>
      <Head title={title} count={list.count} shown={list.rows.length} />
      {list.rows.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <>
          <p className="muted home-next">下一步：{nextStepZh}</p>
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
              查看全部 {list.count} 个
            </Link>
          ) : null}
        </>
      )}
    </section>
  );
}

type ListProps<T> = {
  title: string;
  list: HomeList<T>;
  empty: string;
  testId: string;
  nextStepZh: string;
};

/** Lots on the home page: each row one tap from the lot, with who acts next and what. */
export function HomeLotList(props: ListProps<HomeLot>) {
  return (
    <HomeSection {...props} href={(l) => `/lots/${l.id}`}>
      {(l) => (
        <>
          <strong>{l.title}</strong>
          <span className="muted">
            {l.number} · {l.detail}
            {l.reason ? ` · 退回原因：${l.reason}` : ""}
          </span>
        </>
      )}
    </HomeSection>
  );
}

/** Defects on the home page, by due date; `more` lists them all. */
export function HomeDefectList(props: ListProps<HomeDefect> & { more: string }) {
  return (
    <HomeSection {...props} href={(d) => `/defects/${d.id}`}>
      {(d) => (
        <>
          <strong>
            {d.number} {d.title}
          </strong>
          <span className="muted">
            {d.placeLabel} · {d.detail} · 期限{" "}
            <span className={d.overdue ? "overdue" : d.dueToday ? "due-today" : undefined}>
              {d.dueOn}
              {d.overdue ? "（已逾期）" : d.dueToday ? "（今天到期）" : ""}
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
  return (
    <section className="home-section" data-testid="home-progress">
      <h2 className="home-head">各小区进度</h2>
      <ul className="card-grid">
        {progress.map((c) => (
          <li key={c.id}>
            <Link className="card card-link home-row" to={`/compounds/${c.id}`}>
              <strong className="card-title">{c.name}</strong>
              <span>
                检验批验收 {c.accepted} / {c.total}
                {c.submitted > 0 ? ` · 待监理验收 ${c.submitted}` : ""}
              </span>
              <progress max={Math.max(c.total, 1)} value={c.accepted} aria-label="验收进度" />
              {showDefects ? (
                <span className={c.openDefects > 0 ? "overdue" : "muted"}>
                  未关闭质量问题 {c.openDefects}
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
  if (compounds.length === 0) return null;
  return (
    <section className="home-section" data-testid="home-compounds">
      <h2 className="home-head">小区</h2>
      <ul className="card-grid">
        {compounds.map((c) => (
          <li key={c.id}>
            <Link className="card card-link" to={`/compounds/${c.id}`}>
              <strong className="card-title">{c.name}</strong>
              <span className="muted">{c.address}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
