import { type FormMetadata, getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FieldErrors, FormErrors, TextareaField, useSchemaForm } from "~/components/form";
import { SignatureAndPassword } from "~/components/signature-fields";
import { photoSchema, refuseSchema, requestSchema, signSchema } from "~/modules/concealed/forms";

type Last = SubmissionResult<string[]> | undefined;
const INTENTS = ["photo", "request", "sign", "refuse"] as const;
type Intent = (typeof INTENTS)[number];

/** One of the record's forms in its own panel: heading, refusals, intent, fields, button. */
function RecordForm({
  form,
  intent,
  title,
  submit,
  busy,
  primary = false,
  className = "",
  children,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: any form's metadata; only its props and errors are read
  form: FormMetadata<any, string[]>;
  intent: Intent;
  title: string;
  submit: string;
  busy: boolean;
  primary?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Form
      method="post"
      encType={intent === "photo" ? "multipart/form-data" : undefined}
      className={`panel form-stack ${className}`.trim()}
      {...getFormProps(form)}
    >
      <h2>{title}</h2>
      <FormErrors form={form as never} />
      <input type="hidden" name="intent" value={intent} />
      {children}
      <button
        type="submit"
        className={primary ? "button button-primary" : "button"}
        disabled={busy}
      >
        {submit}
      </button>
    </Form>
  );
}

function PhotoForm({ busy, lastResult }: { busy: boolean; lastResult: Last }) {
  const { t } = useTranslation("concealed");
  const [form, fields] = useSchemaForm(photoSchema, { id: "concealed-photo", lastResult });
  return (
    <RecordForm
      form={form}
      intent="photo"
      title={t("forms.addPhoto")}
      submit={t("forms.upload")}
      busy={busy}
    >
      <input
        type="file"
        name="photo"
        accept="image/*"
        multiple
        required
        aria-label={t("forms.addPhoto")}
      />
      <FieldErrors meta={fields.photo as never} />
    </RecordForm>
  );
}

function RequestForm({
  content,
  busy,
  lastResult,
}: {
  content: string;
  busy: boolean;
  lastResult: Last;
}) {
  const { t } = useTranslation("concealed");
  const [form, fields] = useSchemaForm(requestSchema, {
    id: "concealed-request",
    lastResult,
    defaultValue: { content },
  });
  return (
    <RecordForm
      form={form}
      intent="request"
      title={t("forms.requestTitle")}
      submit={t("forms.requestSubmit")}
      busy={busy}
      primary
    >
      <TextareaField meta={fields.content} label={t("forms.requestContent")} rows={3} />
    </RecordForm>
  );
}

function SignForm({ busy, lastResult }: { busy: boolean; lastResult: Last }) {
  const { t } = useTranslation("concealed");
  const [form, fields] = useSchemaForm(signSchema, { id: "concealed-sign", lastResult });
  return (
    <RecordForm
      form={form}
      intent="sign"
      title={t("forms.signTitle")}
      submit={t("forms.signSubmit")}
      busy={busy}
      primary
      className="sign-form"
    >
      <TextareaField meta={fields.opinion} label={t("forms.signOpinion")} rows={2} />
      <SignatureAndPassword
        signature={fields.signature}
        password={fields.password}
        passwordLabel={t("forms.password")}
      />
    </RecordForm>
  );
}

function RefuseForm({ busy, lastResult }: { busy: boolean; lastResult: Last }) {
  const { t } = useTranslation("concealed");
  const [form, fields] = useSchemaForm(refuseSchema, { id: "concealed-refuse", lastResult });
  return (
    <RecordForm
      form={form}
      intent="refuse"
      title={t("forms.refuseTitle")}
      submit={t("forms.refuseSubmit")}
      busy={busy}
    >
      <TextareaField meta={fields.reason} label={t("forms.refuseReason")} rows={2} />
    </RecordForm>
  );
}

/**
 * What the viewer may do to a 隐蔽工程验收 record now: the contractor adds photos or asks again
 * after a refusal; the supervision engineer signs (drawn signature, password) or returns it.
 * `failed` is the action's answer to the form of `failedIntent`; `refused` an upload refusal.
 */
export function ConcealedForms({
  may,
  content,
  busy,
  failed,
  failedIntent,
  refused,
}: {
  may: { photo: boolean; request: boolean; sign: boolean; refuse: boolean };
  content: string;
  busy: boolean;
  failed: Last;
  failedIntent: string | undefined;
  refused: string[];
}) {
  const last = (intent: Intent) => (failedIntent === intent ? failed : undefined);
  // a refusal whose form is gone after the reload (signed or returned by someone else meanwhile)
  const shown = INTENTS.some((i) => i === failedIntent && may[i]);
  const orphan = failed && !shown ? Object.values(failed.error ?? {}).flatMap((m) => m ?? []) : [];
  const alerts = [...refused, ...orphan];
  return (
    <>
      {alerts.length > 0 ? (
        <p className="alert alert-error" role="alert">
          {alerts.join(" ")}
        </p>
      ) : null}
      {may.photo ? <PhotoForm busy={busy} lastResult={last("photo")} /> : null}
      {may.request ? (
        <RequestForm content={content} busy={busy} lastResult={last("request")} />
      ) : null}
      {may.sign ? <SignForm busy={busy} lastResult={last("sign")} /> : null}
      {may.refuse ? <RefuseForm busy={busy} lastResult={last("refuse")} /> : null}
    </>
  );
}
