import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { InputField, SelectField, TextareaField, useSchemaForm } from "~/components/form";
import { uploadFieldsSchema } from "~/modules/drawing/forms";
import { DEFAULT_DISCIPLINE, DEFAULT_NUMBER_PREFIX, DISCIPLINES } from "~/modules/drawing/labels";
import { DRAWING_LIMITS } from "~/modules/drawing/limits";

/** The page a confirmed upload would store: a new sheet, or a new revision replacing `supersedes`. */
export type PreviewPage = { number: string; revision: string; supersedes: string | null };

/** What the upload action answers: done, refused, field errors, or the supersessions to confirm. */
export type DrawingUploadResult =
  | { kind: "done" | "error"; message: string }
  | { kind: "invalid"; result: SubmissionResult<string[]> }
  | { kind: "confirm"; message: string; token: string; pages: PreviewPage[] };

const mb = Math.round(DRAWING_LIMITS.maxFileBytes / 1024 / 1024);

/**
 * The upload form. After a success it resets (the file input is cleared) and the result is
 * scrolled into view and announced; a set that would supersede sheets shows what it would do and
 * waits for 确认上传, which submits the same file again with the confirmed supersessions.
 */
export function DrawingUploadForm({
  result,
  busy,
  workTypes,
  today,
  defaultStart,
}: {
  result: DrawingUploadResult | undefined;
  busy: boolean;
  workTypes: { id: string; name: string }[];
  today: string;
  defaultStart: number;
}) {
  const { t } = useTranslation("drawing");
  const { t: tCommon } = useTranslation();
  const schema = useMemo(() => uploadFieldsSchema(tCommon), [tCommon]);
  const [form, fields] = useSchemaForm(schema, {
    id: "drawing-upload",
    lastResult: result?.kind === "invalid" ? result.result : null,
    defaultValue: {
      discipline: DEFAULT_DISCIPLINE,
      numberPrefix: DEFAULT_NUMBER_PREFIX,
      startNumber: String(defaultStart),
      issuedOn: today,
    },
  });
  const formRef = useRef<HTMLFormElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const [dismissed, setDismissed] = useState<DrawingUploadResult | undefined>(undefined);
  const shown = result && result !== dismissed && result.kind !== "invalid" ? result : undefined;

  useEffect(() => {
    if (!result) return;
    if (result.kind === "done") formRef.current?.reset();
    messageRef.current?.scrollIntoView({ block: "center" });
  }, [result]);

  return (
    <Form
      {...getFormProps(form)}
      ref={formRef}
      method="post"
      encType="multipart/form-data"
      className="panel form-stack upload-form"
      aria-label={t("upload.title")}
      // 取消 on a preview hides it; the reset after a success keeps its message.
      onReset={() => {
        if (result?.kind === "confirm") setDismissed(result);
      }}
    >
      <h2>{t("upload.title")}</h2>
      <p className="muted">
        <Trans
          t={t}
          i18nKey="upload.help"
          values={{ maxPages: DRAWING_LIMITS.maxPages, mb }}
          components={{ formats: <span translate="no" /> }}
        />
      </p>
      <label>
        {t("upload.file")}
        <input
          type="file"
          name="file"
          accept="application/pdf,image/jpeg,image/png,image/webp"
          required
        />
      </label>
      <div className="form-grid">
        <InputField meta={fields.discipline} label={t("upload.discipline")} list="disciplines" />
        <datalist id="disciplines">
          {DISCIPLINES.map((d) => (
            <option key={d.key} value={d.value} label={t(`disciplines.${d.key}`)} />
          ))}
        </datalist>
        <InputField meta={fields.numberPrefix} label={t("upload.numberPrefix")} />
        <InputField meta={fields.startNumber} label={t("upload.startNumber")} type="number" />
        <InputField
          meta={fields.defaultTitle}
          label={t("upload.defaultTitle")}
          placeholder={t("upload.defaultTitlePlaceholder")}
        />
        <InputField
          meta={fields.revision}
          label={t("upload.revision")}
          placeholder={t("upload.revisionPlaceholder")}
        />
        <InputField meta={fields.issuedOn} label={t("upload.issuedOn")} type="date" />
        <SelectField meta={fields.workTypeId} label={t("upload.workType")}>
          <option value="">{t("upload.anyWorkType")}</option>
          {workTypes.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </SelectField>
      </div>
      <TextareaField
        meta={fields.pageLines}
        label={t("upload.pageLines")}
        rows={4}
        placeholder={t("upload.pageLinesPlaceholder")}
      />
      <div ref={messageRef} className="upload-result">
        {shown?.kind === "confirm" ? (
          <div className="alert confirm-supersede" role="status" data-testid="upload-confirm">
            <p>{t("upload.confirmIntro", { message: shown.message })}</p>
            <ul>
              {shown.pages.map((p) => (
                <li key={p.number}>
                  <span translate="no">{p.number}</span>{" "}
                  {p.supersedes
                    ? t("upload.willSupersede", { ...p })
                    : t("upload.newSheet", { ...p })}
                </li>
              ))}
            </ul>
          </div>
        ) : shown ? (
          <p
            className={`alert ${shown.kind === "done" ? "alert-ok" : "alert-error"}`}
            role={shown.kind === "done" ? "status" : "alert"}
          >
            {shown.message}
          </p>
        ) : null}
      </div>
      <div className="workflow-buttons">
        {shown?.kind === "confirm" ? (
          <>
            <button
              type="submit"
              name="confirm"
              value={shown.token}
              className="button button-primary"
              disabled={busy}
            >
              {busy ? t("upload.rendering") : t("upload.confirm")}
            </button>
            <button type="reset" className="button" disabled={busy}>
              {t("upload.cancel")}
            </button>
          </>
        ) : (
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t("upload.checking") : t("upload.submit")}
          </button>
        )}
      </div>
    </Form>
  );
}
