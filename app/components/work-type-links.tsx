import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataName } from "~/components/checklist/data-text";
import { isLotState } from "~/modules/lot/workflow";

type WorkTypeSummary = {
  code: string;
  nameZh: string;
  nameEn?: string;
  currentVersion: number | null;
  mainCount: number;
  generalCount: number;
};
type LotSummary = { id: string; number: string; status: string; workType: { code: string } };

/**
 * The work types inspected at a place: their lots here, the checklist, and one tap to work:
 * 继续检查 the open lot there, or 开始检查 (a new lot with the defaults: the compound's contractor).
 * 新建检验批 stays for a lot with capacity and planned dates.
 */
export function WorkTypeLinks({
  workTypes,
  lots = [],
  lotCounts = {},
  placeFilter,
  newLotQuery,
}: {
  workTypes: WorkTypeSummary[];
  /** the newest few per work type and the open one (the rest are paged in the lot list) */
  lots?: LotSummary[];
  /** how many lots each work type has here in all */
  lotCounts?: Record<string, number>;
  /** the lot list's `place` filter for this place */
  placeFilter?: string;
  /** placeKind and placeId, when the user may open lots */
  newLotQuery?: string;
}) {
  const { t } = useTranslation("checklist");
  if (workTypes.length === 0) return <p className="empty">{t("links.none")}</p>;
  return (
    <ul className="card-list">
      {workTypes.map((wt) => {
        const here = lots.filter((l) => l.workType.code === wt.code);
        const open = here.filter((l) => l.status !== "accepted");
        const current = open[open.length - 1];
        const all = lotCounts[wt.code] ?? here.length;
        return (
          <li key={wt.code} className="card place-work-type" data-work-type={wt.code}>
            <div className="place-work-type-head">
              <Link to={`/work-types/${wt.code}`} className="place-work-type-name">
                <strong>
                  <DataName zh={wt.nameZh} en={wt.nameEn} />
                </strong>
                <span className="muted">
                  {t("links.summary", {
                    version: wt.currentVersion ?? 0,
                    main: wt.mainCount,
                    general: wt.generalCount,
                  })}
                </span>
              </Link>
              <div className="place-work-type-actions">
                {current ? (
                  <Link
                    className="button button-primary"
                    to={`/lots/${current.id}`}
                    data-testid={`continue-${wt.code}`}
                  >
                    {t("links.continue", { number: current.number })}
                  </Link>
                ) : newLotQuery ? (
                  <StartLot workType={wt.code} newLotQuery={newLotQuery} />
                ) : null}
                {newLotQuery ? (
                  <Link className="button" to={`/lots/new?workType=${wt.code}&${newLotQuery}`}>
                    {t("links.newLot")}
                  </Link>
                ) : null}
              </div>
            </div>
            {here.length > 0 ? (
              <div className="chips">
                {here.map((l) => (
                  <Link
                    key={l.id}
                    className={`chip lot-chip status-${l.status}`}
                    to={`/lots/${l.id}`}
                  >
                    <span translate="no">{l.number}</span> ·{" "}
                    {isLotState(l.status) ? t(`states.${l.status}`, { ns: "lot" }) : l.status}
                  </Link>
                ))}
                {all > here.length && placeFilter ? (
                  <Link
                    className="chip"
                    to={`/lots?${new URLSearchParams({ workType: wt.code, place: placeFilter })}`}
                  >
                    {t("links.allLots", { count: all })}
                  </Link>
                ) : null}
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function StartLot({ workType, newLotQuery }: { workType: string; newLotQuery: string }) {
  const { t } = useTranslation("checklist");
  const place = new URLSearchParams(newLotQuery);
  return (
    <Form method="post" action={`/lots/new?workType=${workType}&${newLotQuery}`}>
      <input type="hidden" name="workType" value={workType} />
      <input type="hidden" name="placeKind" value={place.get("placeKind") ?? ""} />
      <input type="hidden" name="placeId" value={place.get("placeId") ?? ""} />
      <button type="submit" className="button button-primary" data-testid={`start-${workType}`}>
        {t("links.start")}
      </button>
    </Form>
  );
}
