import { useTranslation } from "react-i18next";

/** The printable 评议码 sheet: one slip per household, cut along the dashes and handed out. */
export function ReviewCodeSheet({
  compound,
  codes,
}: {
  compound: { code: string; name: string };
  codes: { place: string; room: string; code: string }[];
}) {
  const { t } = useTranslation("residents");
  return (
    <>
      <div className="no-print">
        <p className="alert" role="status">
          {t("reviews.codesIssued", { count: codes.length })}
        </p>
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          {t("reviews.print")}
        </button>
      </div>
      <div className="code-sheet" data-testid="code-sheet">
        {codes.map((c) => (
          <div key={`${c.place}-${c.room}`} className="code-slip">
            <div>
              <span translate="no">{compound.name}</span>
              <span translate="no">{t("reviews.slipPlace", { place: c.place, room: c.room })}</span>
            </div>
            <code translate="no">{c.code}</code>
            <div className="muted">{t("reviews.slipHelp", { code: compound.code })}</div>
          </div>
        ))}
      </div>
    </>
  );
}
