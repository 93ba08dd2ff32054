import type { ReactNode } from "react";

/** A column heading; `{ num }` for a right-aligned numeric column. */
export type FundCol = string | { num: string };

/** The scrolling table every fund page uses: its headings, then the rows given as children. */
export function FundTable({
  head,
  testId,
  wrap,
  children,
}: {
  head: readonly FundCol[];
  testId?: string;
  wrap?: string;
  children: ReactNode;
}) {
  return (
    <div className={wrap ? `fund-table-wrap ${wrap}` : "fund-table-wrap"}>
      <table className="table fund-table" data-testid={testId}>
        <thead>
          <tr>
            {head.map((c) =>
              typeof c === "string" ? (
                <th key={c}>{c}</th>
              ) : (
                <th key={c.num} className="num">
                  {c.num}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
