import { Form } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import type { EvidencePageData } from "~/modules/evidence/page.server";
import { useFormat } from "~/modules/i18n/use-format";

type Division = EvidencePageData["divisions"][number];

function ReviewForms({ id, busy }: { id: string; busy: boolean }) {
  const { t } = useTranslation("evidence");
  return (
    <div className="evidence-review">
      <Form method="post" className="inline-form">
        <input type="hidden" name="documentId" value={id} />
        <button type="submit" name="intent" value="check" className="button" disabled={busy}>
          {t("docs.check")}
        </button>
      </Form>
      <Form method="post" className="inline-form">
        <input type="hidden" name="documentId" value={id} />
        <input
          type="text"
          name="reason"
          required
          maxLength={500}
          placeholder={t("docs.rejectReason")}
          aria-label={t("docs.rejectReason")}
        />
        <button type="submit" name="intent" value="reject" className="button" disabled={busy}>
          {t("docs.reject")}
        </button>
      </Form>
    </div>
  );
}

/** The 质量控制资料 of one 分部: each required kind with its files and their status. */
export function DocumentsPanel({
  d,
  canReview,
  canUpload,
  maxMb,
  busy,
}: {
  d: Division;
  canReview: boolean;
  canUpload: boolean;
  maxMb: number;
  busy: boolean;
}) {
  const { t } = useTranslation("evidence");
  const f = useFormat();
  return (
    <div className="evidence-docs">
      <h3>
        {t("docs.heading")} <small className="muted">{t("docs.clause")}</small>
      </h3>
      <table className="table">
        <thead>
          <tr>
            <th>{t("docs.kind")}</th>
            <th>{t("docs.files")}</th>
          </tr>
        </thead>
        <tbody>
          {d.requiredDocuments.map((k) => {
            const files = d.documents.filter((x) => x.kind === k.kind);
            return (
              <tr key={k.kind} data-testid={`kind-${k.kind}`}>
                <td>{t(`kinds.${k.kind as "certificates"}`)}</td>
                <td>
                  {k.kind === "concealed" ? (
                    <span className="muted">{t("docs.concealedNote")}</span>
                  ) : files.length === 0 ? (
                    <span className="muted">{t("docs.none")}</span>
                  ) : (
                    <ul className="evidence-files">
                      {files.map((x) => (
                        <li key={x.id} className={`doc-${x.status}`}>
                          <a href={x.href} target="_blank" rel="noreferrer" translate="no">
                            {x.title}
                          </a>{" "}
                          <span className={`badge status-${x.status}`}>
                            {t(`status.${x.status}`)}
                          </span>{" "}
                          <small className="muted">
                            {t("docs.uploadedAt", { at: f.dateTime(x.uploadedAt) })}
                          </small>
                          {x.reason ? (
                            <p className="muted">
                              <Trans
                                t={t}
                                i18nKey="docs.reason"
                                values={{ reason: x.reason }}
                                components={{ d: <span translate="no" /> }}
                              />
                            </p>
                          ) : null}
                          {canReview && x.status === "submitted" ? (
                            <ReviewForms id={x.id} busy={busy} />
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {canUpload ? (
        <Form method="post" encType="multipart/form-data" className="evidence-upload stack">
          <input type="hidden" name="division" value={d.division} />
          <label>
            {t("docs.uploadKind")}
            <select name="kind" required>
              {d.uploadKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("docs.uploadTitle")}
            <input type="text" name="title" required maxLength={120} />
          </label>
          <label>
            {t("docs.uploadFile", { mb: maxMb })}
            <input
              type="file"
              name="file"
              required
              accept="application/pdf,image/jpeg,image/png,image/webp"
            />
          </label>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t("docs.uploadSubmit")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
