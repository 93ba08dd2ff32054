import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FundTable } from "./fund-table";

type Item = {
  id: string;
  code: string;
  name: string;
  unit: string;
  workTypeName: string;
  unitPrice: string;
  quantity: string;
  accepted: string;
  beyondContract: boolean;
  certified: string;
  paid: string;
  lots: number;
};
type Application = {
  id: string;
  number: string;
  period: string;
  status: string;
  gross: string;
  net: string;
};

/** 工程量清单: per item the contract, accepted, certified and paid quantities. */
export function BillTable({ items }: { items: readonly Item[] }) {
  const { t } = useTranslation("fund");
  return (
    <FundTable
      head={[
        t("contract.col.code"),
        t("contract.col.name"),
        t("contract.col.workType"),
        t("contract.col.unit"),
        { num: t("contract.col.unitPrice") },
        { num: t("contract.col.quantity") },
        { num: t("contract.col.accepted") },
        { num: t("contract.col.certified") },
        { num: t("contract.col.paid") },
      ]}
      testId="bill"
    >
      {items.map((i) => (
        <tr key={i.id}>
          <td>{i.code}</td>
          <td className="fund-name" translate="no">
            {i.name}
          </td>
          <td className="fund-name" translate="no">
            {i.workTypeName}
          </td>
          <td translate="no">{i.unit}</td>
          <td className="num">{i.unitPrice}</td>
          <td className="num">{i.quantity}</td>
          <td className="num" title={t("contract.acceptedLots", { count: i.lots })}>
            {i.accepted}
            {i.beyondContract ? (
              <span className="badge badge-warn">{t("contract.beyondContract")}</span>
            ) : null}
          </td>
          <td className="num">{i.certified}</td>
          <td className="num">{i.paid}</td>
        </tr>
      ))}
    </FundTable>
  );
}

/** The contract's progress payment applications, newest first. */
export function ApplicationsTable({ applications }: { applications: readonly Application[] }) {
  const { t } = useTranslation("fund");
  if (applications.length === 0) return <p className="empty">{t("contract.applicationsEmpty")}</p>;
  return (
    <FundTable
      head={[
        t("contract.appCol.number"),
        t("contract.appCol.period"),
        t("contract.appCol.status"),
        { num: t("contract.appCol.gross") },
        { num: t("contract.appCol.net") },
      ]}
    >
      {applications.map((a) => (
        <tr key={a.id}>
          <td>
            <Link to={`/funds/payments/${a.id}`} translate="no">
              {a.number}
            </Link>
          </td>
          <td translate="no">{a.period}</td>
          <td>{t(`state.${a.status}` as "state.applied")}</td>
          <td className="num">{a.gross}</td>
          <td className="num">{a.net}</td>
        </tr>
      ))}
    </FundTable>
  );
}
