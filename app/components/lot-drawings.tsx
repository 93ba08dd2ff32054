import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IntentButton } from "~/components/intent-button";
import { useFormat } from "~/modules/i18n/use-format";

type Ref = {
  revisionId: string;
  number: string;
  title: string;
  revision: string;
  status: string;
  issuedOn: string | Date;
  newer: { id: string; revision: string } | null;
  acknowledgedAt: string | Date | null;
  acknowledgedBy: string | null;
  needsAcknowledgement: boolean;
};

/** 依据图纸: the sheet revisions a lot is checked against, and the newer-revision warning. */
export function LotDrawings({
  refs,
  options,
  canEdit,
  canAcknowledge,
  compoundId,
  busy,
}: {
  refs: Ref[];
  options: { id: string; revision: string; sheet: { number: string; title: string } }[];
  canEdit: boolean;
  canAcknowledge: boolean;
  compoundId: string;
  busy: boolean;
}) {
  const { t } = useTranslation("lot");
  const f = useFormat();
  if (refs.length === 0 && !canEdit) return null;
  return (
    <section className="panel drawing-refs" data-testid="lot-drawings">
      <h2>{t("drawings.title")}</h2>
      {refs.length === 0 ? (
        <p className="muted">
          {t("drawings.none")}
          <Link to={`/compounds/${compoundId}/drawings`}>{t("drawings.register")}</Link>
        </p>
      ) : (
        <ul className="card-list">
          {refs.map((r) => (
            <li key={r.revisionId} className="card">
              <div>
                <Link to={`/drawings/${r.revisionId}`}>
                  <span translate="no">
                    {r.number} {r.title}
                  </span>{" "}
                  · {t("drawings.revision", { revision: r.revision })}
                </Link>{" "}
                <small className="muted">
                  {t("drawings.issued", { date: f.date(r.issuedOn) })}
                </small>
                {r.status === "superseded" ? (
                  <span className="badge revision-superseded"> {t("drawings.superseded")}</span>
                ) : null}
              </div>
              {r.newer && r.needsAcknowledgement ? (
                <p className="alert warning" role="alert">
                  {t("drawings.newer")}{" "}
                  <Link to={`/drawings/${r.newer.id}`}>
                    {t("drawings.revision", { revision: r.newer.revision })}
                  </Link>
                  {t("drawings.newerTail", { revision: r.revision })}
                </p>
              ) : null}
              {r.acknowledgedAt ? (
                <p className="muted">
                  {t("drawings.acknowledged", {
                    who: r.acknowledgedBy ?? "",
                    at: f.dateTime(r.acknowledgedAt),
                  })}
                </p>
              ) : null}
              <div className="workflow-buttons">
                {r.needsAcknowledgement && canAcknowledge ? (
                  <IntentButton
                    intent="drawing-ack"
                    label={t("drawings.acknowledge")}
                    fields={{ revisionId: r.revisionId }}
                    tone="primary"
                    busy={busy}
                  />
                ) : null}
                {canEdit ? (
                  <IntentButton
                    intent="drawing-remove"
                    label={t("drawings.remove")}
                    fields={{ revisionId: r.revisionId }}
                    busy={busy}
                  />
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      {canEdit && options.length > 0 ? (
        <Form method="post" className="form-row">
          <label>
            {t("drawings.add")}
            <select name="revisionId" defaultValue="" required>
              <option value="" disabled>
                {t("drawings.choose")}
              </option>
              {options.map((o) => (
                <option key={o.id} value={o.id} translate="no">
                  {o.sheet.number} {o.sheet.title} ·{" "}
                  {t("drawings.revision", { revision: o.revision })}
                </option>
              ))}
            </select>
          </label>
          <button
            type="submit"
            name="intent"
            value="drawing-add"
            className="button"
            disabled={busy}
          >
            {t("drawings.addButton")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
