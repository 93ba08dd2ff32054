import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

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
    <div className="fund-table-wrap">
      <table className="table fund-table" data-testid="bill">
        <thead>
          <tr>
            <th>{t("contract.col.code")}</th>
            <th>{t("contract.col.name")}</th>
            <th>{t("contract.col.workType")}</th>
            <th>{t("contract.col.unit")}</th>
            <th className="num">{t("contract.col.unitPrice")}</th>
            <th className="num">{t("contract.col.quantity")}</th>
            <th className="num">{t("contract.col.accepted")}</th>
            <th className="num">{t("contract.col.certified")}</th>
            <th className="num">{t("contract.col.paid")}</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}

/** The contract's progress payment applications, newest first. */
export function ApplicationsTable({ applications }: { applications: readonly Application[] }) {
  const { t } = useTranslation("fund");
  if (applications.length === 0) return <p className="empty">{t("contract.applicationsEmpty")}</p>;
  return (
    <div className="fund-table-wrap">
      <table className="table fund-table">
        <thead>
          <tr>
            <th>{t("contract.appCol.number")}</th>
            <th>{t("contract.appCol.period")}</th>
            <th>{t("contract.appCol.status")}</th>
            <th className="num">{t("contract.appCol.gross")}</th>
            <th className="num">{t("contract.appCol.net")}</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
