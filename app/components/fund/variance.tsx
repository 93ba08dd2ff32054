import { useTranslation } from "react-i18next";
import type { VarianceFlag } from "~/modules/fund/reports.server";
import { FundTable } from "./fund-table";

type Row = {
  contract: string;
  section: string;
  code: string;
  name: string;
  unit: string;
  contract_: string;
  accepted: string;
  certified: string;
  paid: string;
  flags: VarianceFlag[];
};

/** 差异报表 rows: per bill item "quantity / amount" for contract, accepted, certified, paid. */
export function VarianceTable({ rows }: { rows: readonly Row[] }) {
  const { t } = useTranslation("fund");
  return (
    <FundTable
      head={[
        t("variance.col.contract"),
        t("variance.col.item"),
        { num: t("variance.col.contractQty") },
        { num: t("variance.col.accepted") },
        { num: t("variance.col.certified") },
        { num: t("variance.col.paid") },
        t("variance.col.flag"),
      ]}
      testId="variance"
    >
      {rows.map((r) => (
        <tr key={`${r.contract}-${r.code}`}>
          <td className="fund-nowrap" title={r.contract} translate="no">
            {r.section}
          </td>
          <td className="fund-name">
            {r.code} <span translate="no">{t("nameUnit", { name: r.name, unit: r.unit })}</span>
          </td>
          <td className="num">{r.contract_}</td>
          <td className="num">{r.accepted}</td>
          <td className="num">{r.certified}</td>
          <td className="num">{r.paid}</td>
          <td>
            {r.flags.length > 0 ? (
              <span className="badge badge-warn">
                {r.flags.map((f) => t(`variance.flag.${f}`)).join(t("variance.flagSeparator"))}
              </span>
            ) : null}
          </td>
        </tr>
      ))}
    </FundTable>
  );
}
