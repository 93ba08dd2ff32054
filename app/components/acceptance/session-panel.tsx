import { useTranslation } from "react-i18next";
import type { AcceptancePageData } from "~/modules/acceptance/page.server";
import { isParty } from "~/modules/acceptance/parties";
import { useFormat } from "~/modules/i18n/use-format";
import { Worded } from "../worded";

type Session = NonNullable<AcceptancePageData["acceptance"]>;

/** The open or concluded session: conclusion, each party's signatory and signature, the hash. */
export function SessionPanel({
  acceptance: a,
  hashCheck,
}: {
  acceptance: Session;
  hashCheck: AcceptancePageData["hashCheck"];
}) {
  const { t } = useTranslation("acceptance");
  const f = useFormat();
  const conclusion = a.conclusion === "fail" ? t("conclusion.fail") : t("conclusion.pass");
  const hashOk = hashCheck?.signaturesMatch && (hashCheck.matches || a.status === "failed");
  return (
    <section className="panel">
      <h2>
        {t("session.conclusion", { conclusion })}{" "}
        <small className="muted">
          <Worded
            ns="acceptance"
            k="session.openedBy"
            values={{ name: a.openedBy, at: f.dateTime(a.openedAt) }}
          />
        </small>
      </h2>
      {a.remarks ? <p translate="no">{a.remarks}</p> : null}
      <table className="table signers">
        <thead>
          <tr>
            <th>{t("session.party")}</th>
            <th>{t("session.signer")}</th>
            <th>{t("session.signature")}</th>
          </tr>
        </thead>
        <tbody>
          {a.participants.map((p) => (
            <tr key={p.id}>
              <td>
                {isParty(p.party) ? t(`party.${p.party}`) : p.party}
                <br />
                <span className="muted" translate="no">
                  {p.organization}
                </span>
              </td>
              <td translate="no">
                {p.name}
                <br />
                <span className="muted">{p.title}</span>
              </td>
              <td>
                {p.signature ? (
                  <>
                    <img
                      className="signature-img"
                      src={p.signature.image}
                      alt={t("session.signatureAlt", { name: p.name })}
                    />
                    <br />
                    <span className="muted">
                      <span translate="no">{p.signature.opinion}</span> ·{" "}
                      {f.dateTime(p.signature.signedAt)}
                    </span>
                  </>
                ) : (
                  <span className="muted">{t("session.pending")}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {hashCheck ? (
        <p className={hashOk ? "hash-ok" : "hash-bad"}>
          {t("session.hash")} <code translate="no">{a.contentHash.slice(0, 16)}…</code>
          {t("session.hashSeparator")}
          {hashCheck.matches && hashCheck.signaturesMatch
            ? t("session.hashMatches")
            : a.status === "failed" && hashCheck.signaturesMatch
              ? t("session.hashChangedAfterFail")
              : t("session.hashDiffers")}
        </p>
      ) : null}
    </section>
  );
}
