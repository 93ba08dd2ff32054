import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { HistoryPhotos } from "~/components/defect/history-photos";
import { PinCrop } from "~/components/pin-crop";
import type { DefectState } from "~/modules/defect/workflow";
import { useFormat } from "~/modules/i18n/use-format";
import type { PhotoView } from "~/modules/photo/view";

type Defect = {
  id: string;
  status: DefectState;
  severity: string;
  dueOn: string;
  overdue: boolean;
  placeLabel: string;
  description: string;
  lastComment: string | null;
  lot: { id: string; number: string } | null;
  item: { code: string } | null;
  workType: string | null;
  createdBy: string;
  createdAt: string | Date;
};

type Pin = {
  x: number;
  y: number;
  revision: {
    id: string;
    revision: string;
    status: string;
    previewWidth: number | null;
    previewHeight: number | null;
    renderStatus: string;
    sheet: { number: string; title: string };
  };
};

/** What the defect is: place, work type, lot, severity, deadline, its pin and last comment. */
export function DefectFacts({ defect, pin }: { defect: Defect; pin: Pin | null }) {
  const { t } = useTranslation("defect");
  const f = useFormat();
  return (
    <section className="panel">
      <dl className="defect-facts">
        <dt>{t("page.place")}</dt>
        <dd translate="no">{defect.placeLabel}</dd>
        {defect.workType ? (
          <>
            <dt>{t("page.workType")}</dt>
            <dd translate="no">{defect.workType}</dd>
          </>
        ) : null}
        {defect.lot ? (
          <>
            <dt>{t("page.lot")}</dt>
            <dd>
              <Link to={`/lots/${defect.lot.id}`}>{defect.lot.number}</Link>
              {defect.item ? ` · ${defect.item.code}` : ""}
            </dd>
          </>
        ) : null}
        <dt>{t("page.severity")}</dt>
        <dd>{t(`severity.${defect.severity as "general"}`)}</dd>
        <dt>{t("page.dueOn")}</dt>
        <dd className={defect.overdue ? "overdue" : undefined} data-testid="due">
          {f.date(defect.dueOn)}
          {defect.overdue ? t("list.overdue") : ""}
        </dd>
        <dt>{t("page.created")}</dt>
        <dd>
          <span translate="no">{defect.createdBy}</span> · {f.dateTime(defect.createdAt)}
        </dd>
      </dl>
      {pin ? (
        <div className="defect-pin">
          <h3>{t("page.pin")}</h3>
          <Link to={`/drawings/${pin.revision.id}`} aria-label={t("page.onDrawing")}>
            <PinCrop
              pin={{
                revisionId: pin.revision.id,
                x: pin.x,
                y: pin.y,
                previewWidth: pin.revision.previewWidth,
                previewHeight: pin.revision.previewHeight,
                renderStatus: pin.revision.renderStatus,
              }}
              status={defect.status}
            />
          </Link>
          <p>
            <Link to={`/drawings/${pin.revision.id}`}>
              <span translate="no">
                {pin.revision.sheet.number} {pin.revision.sheet.title}
              </span>
              {t("page.revision", { revision: pin.revision.revision })}
            </Link>
            {pin.revision.status === "superseded" ? (
              <span className="badge revision-superseded">{t("page.superseded")}</span>
            ) : null}
          </p>
        </div>
      ) : null}
      {defect.description ? (
        <p className="defect-description" translate="no">
          {defect.description}
        </p>
      ) : null}
      {defect.lastComment && defect.status !== "open" ? (
        <p className={defect.status === "in_progress" ? "alert alert-error" : "alert"}>
          {t(`page.lastComment.${defect.status}`)}
          <span translate="no">{defect.lastComment}</span>
        </p>
      ) : null}
    </section>
  );
}

type HistoryLine = {
  seq: number;
  at: string | Date;
  action: string;
  comment: string | null;
  photos: string[];
  actor: { name: string; org: string } | null;
};

const EVENTS = ["create", "acknowledge", "reply", "return", "close"] as const;

/** Who did what when, each reply with the photos it brought. */
export function DefectHistory({
  history,
  bySha,
  onOpen,
}: {
  history: HistoryLine[];
  bySha: Map<string, PhotoView>;
  onOpen: (list: PhotoView[], index: number) => void;
}) {
  const { t } = useTranslation("defect");
  const f = useFormat();
  return (
    <section className="panel">
      <h2>{t("history.title")}</h2>
      <ol className="history" data-testid="defect-history">
        {history.map((h) => {
          const event = EVENTS.find((e) => `defect.${e}` === h.action);
          return (
            <li key={h.seq}>
              <span className="muted">{f.dateTime(h.at)}</span>{" "}
              {h.actor ? (
                <span translate="no">{t("history.actor", h.actor)}</span>
              ) : (
                t("history.system")
              )}
              {t("history.colon")}
              {event ? t(`history.event.${event}`) : h.action}
              {h.comment ? (
                <>
                  {t("history.dash")}
                  <span translate="no">{h.comment}</span>
                </>
              ) : null}
              <HistoryPhotos
                photos={h.photos.flatMap((sha) => bySha.get(sha) ?? [])}
                onOpen={onOpen}
              />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
