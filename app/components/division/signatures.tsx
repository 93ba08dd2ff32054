import { useTranslation } from "react-i18next";
import { useFormat } from "~/modules/i18n/use-format";

type Signature = {
  seat: string;
  signerName: string;
  organization: string;
  conclusion: string;
  signedAt: string;
  image: string;
};

/** The record's seats, each with its signature (name, date, conclusion, drawn image) or empty. */
export function SignatureSeats({
  seats,
  signatures,
}: {
  seats: readonly string[];
  signatures: Signature[];
}) {
  const { t } = useTranslation("division");
  const f = useFormat();
  return (
    <section className="panel">
      <h2>{t("sign.title")}</h2>
      <ul className="division-seats">
        {seats.map((seat) => {
          const s = signatures.find((x) => x.seat === seat);
          return (
            <li key={seat} data-testid={`seat-${seat}`}>
              <strong>{t(`seat.${seat}` as "seat.chief")}</strong>
              {s ? (
                <>
                  <span translate="no">
                    {t("seat.signedBy", { name: s.signerName, at: f.dateTime(s.signedAt) })}
                  </span>
                  <span translate="no">{s.conclusion}</span>
                  <img
                    src={s.image}
                    alt={t(`seat.${seat}` as "seat.chief")}
                    className="division-signature"
                  />
                </>
              ) : (
                <span className="muted">{t("seat.unsigned")}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
