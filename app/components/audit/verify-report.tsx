import { useTranslation } from "react-i18next";
import { type RecordBreak, word, wordBreak } from "~/modules/audit/verify-words";
import { useFormat } from "~/modules/i18n/use-format";

type Report = {
  checkedAt: string | Date;
  events: number;
  chainBreak: {
    code: string;
    params: Record<string, string | number>;
    expected: string;
    actual: string;
  } | null;
  signedRecords: number;
  recordBreaks: RecordBreak[];
};

/**
 * The result of verifying the chain and the signed records, worded in the reader's language from
 * the codes the verifying modules return.
 */
export function VerifyReport({ report }: { report: Report }) {
  const { t } = useTranslation("audit");
  const format = useFormat();
  const { chainBreak } = report;
  return (
    <div className="verify-report" role="status">
      {chainBreak ? (
        <p className="alert alert-error">
          ✗ {word(t, chainBreak)}
          <br />
          <small>
            {t("page.expectedActual", {
              expected: chainBreak.expected,
              actual: chainBreak.actual,
            })}
          </small>
        </p>
      ) : (
        <p className="alert">{t("page.chainWhole", { count: report.events })}</p>
      )}
      {report.recordBreaks.length > 0 ? (
        <ul className="alert alert-error verify-breaks">
          {report.recordBreaks.map((b) => (
            <li key={`${b.entityId}${b.code}${JSON.stringify(b.params)}`}>
              {t("page.recordBreak", wordBreak(t, b))}
            </li>
          ))}
        </ul>
      ) : (
        <p className="alert">{t("page.recordsWhole", { count: report.signedRecords })}</p>
      )}
      <p className="muted">{t("page.checkedAt", { at: format.dateTime(report.checkedAt) })}</p>
    </div>
  );
}
