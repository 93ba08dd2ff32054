import { Link, useLocation } from "@remix-run/react";

/**
 * Keyset paging links for a long list: “下一页” carries the next page's cursor in `after`
 * (the other filters stay), “回到第一页” drops it.
 */
export function Pager({ next, shown }: { next: string | null; shown: number }) {
  const { pathname, search } = useLocation();
  const params = new URLSearchParams(search);
  const paged = params.has("after");
  if (!next && !paged) return null;
  const first = new URLSearchParams(params);
  first.delete("after");
  const following = new URLSearchParams(params);
  if (next) following.set("after", next);
  return (
    <nav className="pager" aria-label="翻页">
      <span className="muted">本页 {shown} 条</span>
      {paged ? (
        <Link className="button" to={`${pathname}?${first.toString()}`}>
          回到第一页
        </Link>
      ) : null}
      {next ? (
        <Link className="button" to={`${pathname}?${following.toString()}`} rel="next">
          下一页
        </Link>
      ) : null}
    </nav>
  );
}
