import { Link } from "@remix-run/react";
import { isLotState, LOT_STATE_LABELS_ZH } from "~/modules/lot/workflow";

type WorkTypeSummary = {
  code: string;
  nameZh: string;
  currentVersion: number | null;
  mainCount: number;
  generalCount: number;
};
type LotSummary = { id: string; number: string; status: string; workType: { code: string } };

/** The work types inspected at a place: their lots here, a button to open one, the checklist. */
export function WorkTypeLinks({
  workTypes,
  lots = [],
  newLotQuery,
}: {
  workTypes: WorkTypeSummary[];
  lots?: LotSummary[];
  /** placeKind and placeId, when the user may open lots */
  newLotQuery?: string;
}) {
  if (workTypes.length === 0) return <p className="empty">此处没有适用的工程类别。</p>;
  return (
    <ul className="card-list">
      {workTypes.map((wt) => {
        const here = lots.filter((l) => l.workType.code === wt.code);
        return (
          <li key={wt.code} className="card place-work-type" data-work-type={wt.code}>
            <div className="place-work-type-head">
              <Link to={`/work-types/${wt.code}`} className="place-work-type-name">
                <strong>{wt.nameZh}</strong>
                <span className="muted">
                  检查表 第 {wt.currentVersion} 版 · 主控 {wt.mainCount} 项 · 一般 {wt.generalCount}{" "}
                  项
                </span>
              </Link>
              {newLotQuery ? (
                <Link className="button" to={`/lots/new?workType=${wt.code}&${newLotQuery}`}>
                  新建检验批
                </Link>
              ) : null}
            </div>
            {here.length > 0 ? (
              <div className="chips">
                {here.map((l) => (
                  <Link
                    key={l.id}
                    className={`chip lot-chip status-${l.status}`}
                    to={`/lots/${l.id}`}
                  >
                    {l.number} · {isLotState(l.status) ? LOT_STATE_LABELS_ZH[l.status] : l.status}
                  </Link>
                ))}
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
