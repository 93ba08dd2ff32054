import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { PaymentPageData } from "~/modules/fund/pages.server";
import { useFormat } from "~/modules/i18n/use-format";
import { FundTable } from "./fund-table";

type App = SerializeFrom<PaymentPageData>["app"];
type Line = App["lines"][number];
type Lot = Line["lots"][number];

/** One accepted lot behind a line: where, how much, its photos, who accepted it and its hash. */
function LotTrace({ lot, canOpen }: { lot: Lot; canOpen: boolean }) {
  const { t } = useTranslation("fund");
  const f = useFormat();
  return (
    <li>
      <span translate="no">
        {canOpen ? <Link to={`/lots/${lot.id}`}>{lot.number}</Link> : lot.number}
      </span>{" "}
      <span translate="no">{lot.placeLabel}</span> · <span translate="no">{lot.capacity}</span> ·{" "}
      {t("payment.photos", { count: lot.photos })} · <span translate="no">{lot.acceptedBy}</span>
      {lot.acceptedAt ? ` ${t("payment.acceptedAt", { at: f.dateTime(lot.acceptedAt) })}` : ""}
      {lot.statusNow !== "accepted" ? (
        <span className="badge badge-danger">{t("payment.revoked")}</span>
      ) : null}
      {canOpen ? (
        <>
          {" "}
          <a href={`/lots/${lot.id}/record`}>{t("payment.lotRecord")}</a>
        </>
      ) : null}
      <div className="fund-hash" title={t("payment.lotHashTitle")}>
        {t("payment.lotHash", { hash: lot.lotHash })}
      </div>
    </li>
  );
}

/** 计量明细: each line's claim, certified quantity (an input while certifying) and its lots. */
export function PaymentLines({
  lines,
  certifying,
  canOpenLots,
}: {
  lines: readonly Line[];
  certifying: boolean;
  canOpenLots: boolean;
}) {
  const { t } = useTranslation("fund");
  return (
    <FundTable
      head={[
        t("payment.col.item"),
        { num: t("payment.col.unitPrice") },
        { num: t("payment.col.claimed") },
        { num: t("payment.col.certified") },
        { num: t("payment.col.amount") },
        t("payment.col.lots"),
      ]}
      testId="lines"
    >
      {lines.map((l) => (
        <tr key={l.id} data-testid={`line-${l.code}`}>
          <td>
            {l.code} <span translate="no">{t("nameUnit", { name: l.name, unit: l.unit })}</span>
          </td>
          <td className="num">{l.unitPrice}</td>
          <td className="num">{l.claimed}</td>
          <td className="num">
            {certifying ? (
              <input
                className="fund-qty"
                name={`cert-${l.id}`}
                defaultValue={l.claimed}
                inputMode="decimal"
                aria-label={t("payment.certLabel", { code: l.code })}
              />
            ) : (
              <span className={l.reduced ? "fund-reduced" : undefined}>
                {l.certified || "—"}
                {l.reduced ? t("payment.reduced") : ""}
              </span>
            )}
          </td>
          <td className="num">{l.amount || "—"}</td>
          <td>
            {l.lots.length === 0 ? (
              <span className="muted">{t("payment.lotsAfterCertify")}</span>
            ) : (
              <ul className="fund-trace">
                {l.lots.map((lot) => (
                  <LotTrace key={lot.id} lot={lot} canOpen={canOpenLots} />
                ))}
              </ul>
            )}
          </td>
        </tr>
      ))}
    </FundTable>
  );
}

/** 签字记录: every signed step with the hash of what it signed. */
export function Signatures({ signatures }: { signatures: App["signatures"] }) {
  const { t } = useTranslation("fund");
  const f = useFormat();
  return (
    <FundTable
      head={[
        t("payment.sigCol.step"),
        t("payment.sigCol.signer"),
        t("payment.sigCol.opinion"),
        t("payment.sigCol.at"),
        t("payment.sigCol.hash"),
      ]}
      testId="signatures"
    >
      {signatures.map((s) => (
        <tr key={s.step}>
          <td>{t(`step.${s.step}` as "step.apply")}</td>
          <td translate="no">{t("nameOrg", { name: s.name, organization: s.organization })}</td>
          <td translate="no">{s.opinion}</td>
          <td>{f.dateTime(s.signedAt)}</td>
          <td className="fund-hash">{s.contentHash}</td>
        </tr>
      ))}
    </FundTable>
  );
}
