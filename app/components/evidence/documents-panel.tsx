import { getFormProps, getInputProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { FieldErrors, FormErrors, InputField, SelectField, useSchemaForm } from "~/components/form";
import { evidenceForms } from "~/modules/evidence/forms";
import type { EvidencePageData } from "~/modules/evidence/page.server";
import { useFormat } from "~/modules/i18n/use-format";
import { type Last, lastFor } from "./failed";

type Division = EvidencePageData["divisions"][number];

function ReviewForms({ id, busy, failed }: { id: string; busy: boolean; failed: Last }) {
  const { t } = useTranslation("evidence");
  const forms = evidenceForms(t);
  const [check] = useSchemaForm(forms.check, {
    id: `check-${id}`,
    lastResult: lastFor(failed, { intent: "check", documentId: id }),
  });
  const [reject, fields] = useSchemaForm(forms.reject, {
    id: `reject-${id}`,
    lastResult: lastFor(failed, { intent: "reject", documentId: id }),
  });
  return (
    <div className="evidence-review">
      <Form method="post" className="inline-form" {...getFormProps(check)}>
        <FormErrors form={check as never} />
        <input type="hidden" name="intent" value="check" />
        <input type="hidden" name="documentId" value={id} />
        <button type="submit" className="button" disabled={busy}>
          {t("docs.check")}
        </button>
      </Form>
      <Form method="post" className="inline-form" {...getFormProps(reject)}>
        <FormErrors form={reject as never} />
        <input type="hidden" name="intent" value="reject" />
        <input type="hidden" name="documentId" value={id} />
        <input
          {...getInputProps(fields.reason, { type: "text" })}
          placeholder={t("docs.rejectReason")}
          aria-label={t("docs.rejectReason")}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("docs.reject")}
        </button>
        <FieldErrors meta={fields.reason} />
      </Form>
    </div>
  );
}

/** The upload of a 质量控制资料 file to one 分部 (multipart; refusals come back for this 分部). */
function UploadForm({
  d,
  maxMb,
  busy,
  failed,
}: {
  d: Division;
  maxMb: number;
  busy: boolean;
  failed: Last;
}) {
  const { t } = useTranslation("evidence");
  const [form, fields] = useSchemaForm(evidenceForms(t).upload, {
    id: `upload-${d.division}`,
    lastResult: lastFor(failed, { intent: "upload", division: d.division }),
  });
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      action={`?division=${encodeURIComponent(d.division)}`}
      className="evidence-upload stack"
      {...getFormProps(form)}
    >
      <FormErrors form={form as never} />
      <input type="hidden" name="intent" value="upload" />
      <input type="hidden" name="division" value={d.division} />
      <SelectField meta={fields.kind} label={t("docs.uploadKind")}>
        {d.uploadKinds.map((k) => (
          <option key={k} value={k}>
            {t(`kinds.${k}`)}
          </option>
        ))}
      </SelectField>
      <InputField meta={fields.title} label={t("docs.uploadTitle")} />
      <label className="field">
        <span>{t("docs.uploadFile", { mb: maxMb })}</span>
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
  );
}

/** The 质量控制资料 of one 分部: each required kind with its files and their status. */
export function DocumentsPanel({
  d,
  canReview,
  canUpload,
  maxMb,
  busy,
  failed,
}: {
  d: Division;
  canReview: boolean;
  canUpload: boolean;
  maxMb: number;
  busy: boolean;
  failed: Last;
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
                            <ReviewForms id={x.id} busy={busy} failed={failed} />
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
      {canUpload ? <UploadForm d={d} maxMb={maxMb} busy={busy} failed={failed} /> : null}
    </div>
  );
}
