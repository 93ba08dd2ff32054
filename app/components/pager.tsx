import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/**
 * Keyset paging links for a long list: "next page" carries the next page's cursor in `after`
 * (the other filters stay), "back to the first page" drops it.
 */
export function Pager({ next, shown }: { next: string | null; shown: number }) {
  const { pathname, search } = useLocation();
  const { t } = useTranslation("auth");
  const params = new URLSearchParams(search);
  const paged = params.has("after");
  if (!next && !paged) return null;
  const first = new URLSearchParams(params);
  first.delete("after");
  const following = new URLSearchParams(params);
  if (next) following.set("after", next);
  return (
    <nav className="pager" aria-label={t("shared.paging")}>
      <span className="muted">{t("shared.shown", { count: shown })}</span>
      {paged ? (
        <Link className="button" to={`${pathname}?${first.toString()}`}>
          {t("shared.firstPage")}
        </Link>
      ) : null}
      {next ? (
        <Link className="button" to={`${pathname}?${following.toString()}`} rel="next">
          {t("actions.next", { ns: "common" })}
        </Link>
      ) : null}
    </nav>
  );
}
