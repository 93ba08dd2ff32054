import { useTranslation } from "react-i18next";
import type { LotRecordView } from "~/modules/lot/record-view";

type Row = LotRecordView["rows"][number];

/**
 * The items table of the 检验批质量验收记录: column heads in the reader's language, each row's
 * content (item text, requirement, findings) in Chinese as recorded (translate="no").
 */
export function RecordItems({ rows }: { rows: Row[] }) {
  const { t } = useTranslation("lot");
  return (
    <table className="record-table record-items">
      <colgroup>
        <col style={{ width: "5%" }} />
        <col style={{ width: "22%" }} />
        <col style={{ width: "11%" }} />
        <col style={{ width: "19%" }} />
        <col style={{ width: "9%" }} />
        <col style={{ width: "24%" }} />
        <col style={{ width: "10%" }} />
      </colgroup>
      <thead>
        <tr>
          <th colSpan={2}>{t("record.columns.item")}</th>
          <th>{t("record.columns.clause")}</th>
          <th>{t("record.columns.requirement")}</th>
          <th>{t("record.columns.sampling")}</th>
          <th>{t("record.columns.record")}</th>
          <th>{t("record.columns.result")}</th>
        </tr>
      </thead>
      <tbody>
        {(["main", "general"] as const).map((kind) =>
          rows
            .filter((r) => r.kind === kind)
            .map((r, i, all) => (
              <tr
                key={r.id}
                data-code={r.code}
                className={r.status === "fail" ? "row-fail" : undefined}
              >
                {i === 0 ? (
                  <th rowSpan={all.length} className="record-kind">
                    {t(`record.kind.${kind}`)}
                  </th>
                ) : null}
                <td translate="no">
                  {r.seq}. {r.text}
                </td>
                <td className="record-clause">{r.clause}</td>
                <td translate="no">{r.requirement}</td>
                <td>
                  {r.required ?? t("record.all")} /{" "}
                  {r.livePoints || (r.status === "incomplete" ? "—" : t("record.all"))}
                </td>
                <td translate="no">
                  <CheckRecord row={r} />
                  {r.status === "fail" ? (
                    <div className="record-reason">{r.reasons.join(t("record.listSep"))}</div>
                  ) : null}
                </td>
                <td>{t(`record.result.${resultKey(r.status)}`)}</td>
              </tr>
            )),
        )}
      </tbody>
    </table>
  );
}

const RESULTS = ["pass", "fail", "na", "incomplete"] as const;
const resultKey = (status: string) =>
  (RESULTS as readonly string[]).includes(status)
    ? (status as (typeof RESULTS)[number])
    : "incomplete";

/** 检查记录 with corrected values struck through before the value that counts. */
function CheckRecord({ row }: { row: Row }) {
  return (
    <>
      {row.runs.map((run, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: runs are positional
        run.strike ? <s key={i}>{run.text}</s> : <span key={i}>{run.text}</span>,
      )}
    </>
  );
}
