import { useTranslation } from "react-i18next";
import type { GapView } from "~/modules/fund/refusal";
import { FundTable } from "./fund-table";

/** The items a claim exceeds, with how much: shown under a refused application or certification. */
export function FundGaps({ gaps }: { gaps: readonly GapView[] | undefined }) {
  const { t } = useTranslation("fund");
  if (!gaps?.length) return null;
  return (
    <FundTable
      head={[
        t("gaps.code"),
        t("gaps.name"),
        { num: t("gaps.claimed") },
        { num: t("gaps.accepted") },
        { num: t("gaps.prior") },
        { num: t("gaps.available") },
        { num: t("gaps.gap") },
      ]}
      testId="fund-gaps"
      wrap="fund-gaps"
    >
      {gaps.map((g) => (
        <tr key={g.code}>
          <td>{g.code}</td>
          <td translate="no">{g.name}</td>
          <td className="num">
            {g.claimed} <span translate="no">{g.unit}</span>
          </td>
          <td className="num">{g.accepted}</td>
          <td className="num">{g.prior}</td>
          <td className="num">{g.available}</td>
          <td className="num">
            <strong>{g.gap}</strong>
          </td>
        </tr>
      ))}
    </FundTable>
  );
}

/** Headline figures of a page (amounts in CNY). */
export function FundStats({
  items,
}: {
  items: readonly { label: string; value: string; testId?: string }[];
}) {
  return (
    <div className="stats">
      {items.map((s) => (
        <div className="stat" key={s.label}>
          <span className="stat-label">{s.label}</span>
          <span className="stat-value" data-testid={s.testId}>
            {s.value || "—"}
          </span>
        </div>
      ))}
    </div>
  );
}
