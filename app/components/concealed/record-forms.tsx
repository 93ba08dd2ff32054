import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SignaturePad } from "~/components/signature-pad";
import { CONTENT_MAX, REASON_MAX } from "~/modules/concealed/forms";

type Result = { error?: Record<string, string[] | null> | null; formErrors?: string[] } | undefined;

/** Errors an action answered, by field ("" = the form's). */
function errorsOf(result: unknown): Record<string, string[]> {
  const r = result as Result & { error?: Record<string, string[] | null> | null };
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(r?.error ?? {})) if (v?.length) out[k] = v;
  if (r?.formErrors?.length) out[""] = [...(out[""] ?? []), ...r.formErrors];
  return out;
}

/**
 * What the viewer may do to a 隐蔽工程验收 record now: the contractor adds photos or asks again
 * after a refusal; the supervision engineer signs (drawn signature, password) or returns it.
 */
export function ConcealedForms({
  may,
  content,
  busy,
  result,
}: {
  may: { photo: boolean; request: boolean; sign: boolean; refuse: boolean };
  content: string;
  busy: boolean;
  result: unknown;
}) {
  const { t } = useTranslation("concealed");
  const errors = errorsOf(result);
  const err = (name: string) =>
    errors[name] ? <p className="field-error">{errors[name].join(" ")}</p> : null;
  return (
    <>
      {errors[""] ? (
        <p className="alert alert-error" role="alert">
          {errors[""].join(" ")}
        </p>
      ) : null}
      {may.photo ? (
        <Form method="post" encType="multipart/form-data" className="panel form-stack">
          <h2>{t("forms.addPhoto")}</h2>
          <input type="file" name="photo" accept="image/*" multiple required />
          {err("photo")}
          <button type="submit" className="button" disabled={busy}>
            {t("forms.upload")}
          </button>
        </Form>
      ) : null}
      {may.request ? (
        <Form method="post" className="panel form-stack">
          <h2>{t("forms.requestTitle")}</h2>
          <input type="hidden" name="intent" value="request" />
          <label>
            {t("forms.requestContent")}
            <textarea name="content" rows={3} maxLength={CONTENT_MAX} defaultValue={content} />
          </label>
          {err("content")}
          <button type="submit" className="button button-primary" disabled={busy}>
            {t("forms.requestSubmit")}
          </button>
        </Form>
      ) : null}
      {may.sign ? (
        <Form method="post" className="panel form-stack sign-form">
          <h2>{t("forms.signTitle")}</h2>
          <input type="hidden" name="intent" value="sign" />
          <label>
            {t("forms.signOpinion")}
            <textarea name="opinion" rows={2} maxLength={REASON_MAX} />
          </label>
          <SignaturePad name="signature" />
          {err("signature")}
          <label>
            {t("forms.password")}
            <input name="password" type="password" autoComplete="current-password" required />
          </label>
          {err("password")}
          <button type="submit" className="button button-primary" disabled={busy}>
            {t("forms.signSubmit")}
          </button>
        </Form>
      ) : null}
      {may.refuse ? (
        <Form method="post" className="panel form-stack">
          <h2>{t("forms.refuseTitle")}</h2>
          <input type="hidden" name="intent" value="refuse" />
          <label>
            {t("forms.refuseReason")}
            <textarea name="reason" rows={2} maxLength={REASON_MAX} required />
          </label>
          {err("reason")}
          <button type="submit" className="button" disabled={busy}>
            {t("forms.refuseSubmit")}
          </button>
        </Form>
      ) : null}
    </>
  );
}
