import { useTranslation } from "react-i18next";
import { useFormat } from "~/modules/i18n/use-format";

type Report = {
  checkedAt: string | Date;
  events: number;
  chainBreak: {
    kind: "gap" | "link" | "content";
    params: Record<string, string | number>;
    expected: string;
    actual: string;
  } | null;
  signedRecords: number;
  recordBreaks: { entityId: string; label: string; messageZh: string }[];
};

/**
 * The result of verifying the chain and the signed records. A record break's label and message
 * are written by the verifying modules in the language of record: shown with lang="zh-CN".
 */
export function VerifyReport({ report }: { report: Report }) {
  const { t } = useTranslation("audit");
  const format = useFormat();
  const { chainBreak } = report;
  return (
    <div className="verify-report" role="status">
      {chainBreak ? (
        <p className="alert alert-error">
          ✗ {t(`chain.${chainBreak.kind}`, chainBreak.params)}
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
        <ul className="alert alert-error verify-breaks" lang="zh-CN">
          {report.recordBreaks.map((b) => (
            <li key={`${b.entityId}${b.messageZh}`}>
              {t("page.recordBreak", { label: b.label, message: b.messageZh })}
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
