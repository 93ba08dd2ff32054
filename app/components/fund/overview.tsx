import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/modules/i18n/use-format";
import { FundTable } from "./fund-table";

type Contract = {
  id: string;
  name: string;
  compoundName: string;
  contractorName: string;
  items: number;
  valueFen: string;
};
type Cell = { budget: string; spent: string; percent: number };
type Budget = {
  compounds: { id: string; name: string }[];
  rows: { source: string; compounds: Cell[]; total: Cell }[];
  colTotals: Cell[];
  all: Cell;
  retentionHeld: string;
};
type Month = { month: string; accepted: string; paid: string };

const toNumber = (s: string) => Number(s.replaceAll(",", ""));

/** The contracts (sections) the viewer sees, with their value. */
export function ContractsTable({ contracts }: { contracts: readonly Contract[] }) {
  const { t } = useTranslation("fund");
  return (
    <FundTable
      head={[
        t("index.col.contract"),
        t("index.col.compound"),
        t("index.col.contractor"),
        { num: t("index.col.items") },
        { num: t("index.col.value") },
      ]}
    >
      {contracts.map((c) => (
        <tr key={c.id}>
          <td translate="no">
            <Link to={`/funds/contracts/${c.id}`}>{c.name}</Link>
          </td>
          <td translate="no">{c.compoundName}</td>
          <td translate="no">{c.contractorName}</td>
          <td className="num">{c.items}</td>
          <td className="num">{c.valueFen}</td>
        </tr>
      ))}
    </FundTable>
  );
}

/** 预算执行: paid against budget per fund source and compound. */
export function BudgetTable({ budget }: { budget: Budget }) {
  const { t } = useTranslation("fund");
  const both = (c: Cell) => t("spentOfBudget", { spent: c.spent, budget: c.budget });
  const withPercent = (c: Cell) =>
    t("spentOfBudgetPercent", { spent: c.spent, budget: c.budget, percent: c.percent });
  return (
    <>
      <div className="fund-table-wrap">
        <table className="table fund-table" data-testid="budget-table">
          <thead>
            <tr>
              <th>{t("index.source")}</th>
              {budget.compounds.map((c) => (
                <th key={c.id} className="num" translate="no">
                  {c.name}
                </th>
              ))}
              <th className="num">{t("total")}</th>
            </tr>
          </thead>
          <tbody>
            {budget.rows.map((r) => (
              <tr key={r.source}>
                <td>{t(`source.${r.source}` as "source.central")}</td>
                {r.compounds.map((c, i) => (
                  <td key={budget.compounds[i]!.id} className="num">
                    {both(c)}
                    <div className="fund-bar paid" title={`${c.percent}%`}>
                      <span style={{ width: `${Math.min(100, c.percent)}%` }} />
                    </div>
                  </td>
                ))}
                <td className="num">{withPercent(r.total)}</td>
              </tr>
            ))}
            <tr>
              <th>{t("total")}</th>
              {budget.colTotals.map((c, i) => (
                <th key={budget.compounds[i]!.id} className="num">
                  {both(c)}
                </th>
              ))}
              <th className="num">{withPercent(budget.all)}</th>
            </tr>
          </tbody>
        </table>
      </div>
      <p className="muted">{t("index.retentionNote", { amount: budget.retentionHeld })}</p>
    </>
  );
}

/** Accepted value against what was paid, cumulative by month. */
export function OverTime({ months }: { months: readonly Month[] }) {
  const { t } = useTranslation("fund");
  const f = useFormat();
  if (months.length === 0) return <p className="empty">{t("index.overTimeEmpty")}</p>;
  const max = Math.max(1, ...months.map((m) => Math.max(toNumber(m.accepted), toNumber(m.paid))));
  const bar = (value: string, paid: boolean) => (
    <div className={paid ? "fund-bar paid" : "fund-bar"}>
      <span style={{ width: `${(toNumber(value) / max) * 100}%` }} />
    </div>
  );
  return (
    <FundTable
      head={[
        t("index.timeCol.month"),
        { num: t("index.timeCol.accepted") },
        { num: t("index.timeCol.paid") },
      ]}
      testId="over-time"
    >
      {months.map((m) => (
        <tr key={m.month}>
          <td>{f.month(`${m.month}-15T00:00:00+08:00`)}</td>
          <td className="num">
            {m.accepted}
            {bar(m.accepted, false)}
          </td>
          <td className="num">
            {m.paid}
            {bar(m.paid, true)}
          </td>
        </tr>
      ))}
    </FundTable>
  );
}
