import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  FieldErrors,
  FormErrors,
  InputField,
  TextareaField,
  useSchemaForm,
} from "~/components/form";
import { NeedsNetwork, useOnline } from "~/components/needs-network";
import { SignatureAndPassword } from "~/components/signature-fields";
import { acceptanceForms } from "~/modules/acceptance/forms";
import type { AcceptancePageData } from "~/modules/acceptance/page.server";
import { isParty } from "~/modules/acceptance/parties";
import { Worded } from "../worded";

type Last = SubmissionResult<string[]> | undefined;
type SessionFormProps = { acceptanceId: string; busy: boolean; lastResult: Last };

/** A named signatory signs: drawn signature, opinion, password (GB 50300 §6.0.6). */
export function SignForm({ acceptanceId, busy, lastResult }: SessionFormProps) {
  const { t } = useTranslation("acceptance");
  const online = useOnline();
  const [form, fields] = useSchemaForm(acceptanceForms(t).sign, {
    id: "acceptance-sign",
    lastResult,
    defaultValue: { opinion: t("sign.defaultOpinion") },
  });
  return (
    <Form method="post" className="panel form-stack sign-form" {...getFormProps(form)}>
      <h2>{t("sign.title")}</h2>
      <p className="muted">{t("sign.hint")}</p>
      <FormErrors form={form as never} />
      <input type="hidden" name="intent" value="sign" />
      <input type="hidden" name="acceptanceId" value={acceptanceId} />
      <InputField meta={fields.opinion} label={t("sign.opinion")} />
      <SignatureAndPassword
        signature={fields.signature}
        password={fields.password}
        passwordLabel={t("sign.password")}
      />
      <NeedsNetwork what={t("sign.what")} online={online} />
      <button type="submit" className="button button-primary" disabled={busy || !online}>
        {t("sign.submit")}
      </button>
    </Form>
  );
}

/** The organiser voids the open session, giving a reason. */
export function VoidForm({ acceptanceId, busy, lastResult }: SessionFormProps) {
  const { t } = useTranslation("acceptance");
  const [form, fields] = useSchemaForm(acceptanceForms(t).void, {
    id: "acceptance-void",
    lastResult,
  });
  return (
    <Form method="post" className="panel form-stack" {...getFormProps(form)}>
      <h2>{t("void.title")}</h2>
      <FormErrors form={form as never} />
      <input type="hidden" name="intent" value="void" />
      <input type="hidden" name="acceptanceId" value={acceptanceId} />
      <InputField meta={fields.reason} label={t("void.reason")} />
      <button type="submit" className="button button-danger" disabled={busy}>
        {t("void.submit")}
      </button>
    </Form>
  );
}

/** The organiser opens the session: one signatory per party seat, the conclusion, the opinion. */
export function OpenForm({
  seats,
  busy,
  lastResult,
}: {
  seats: AcceptancePageData["seats"];
  busy: boolean;
  lastResult: Last;
}) {
  const { t } = useTranslation("acceptance");
  const [form, fields] = useSchemaForm(acceptanceForms(t).open, {
    id: "acceptance-open",
    lastResult,
    defaultValue: { conclusion: "pass", remarks: t("open.defaultRemarks") },
  });
  return (
    <Form method="post" className="panel form-stack open-form" {...getFormProps(form)}>
      <h2>{t("open.title")}</h2>
      <FormErrors form={form as never} />
      <input type="hidden" name="intent" value="open" />
      {seats.map((s) => (
        <label key={s.seq}>
          <Worded
            ns="acceptance"
            k="open.seat"
            values={{
              party: isParty(s.party) ? t(`party.${s.party}`) : s.party,
              organization: s.organizationName,
            }}
          />
          <select name={`seat-${s.seq}`} defaultValue={s.people[0]?.id ?? ""} required>
            {s.people.length === 0 ? <option value="">{t("open.nobody")}</option> : null}
            {s.people.map((p) => (
              <option key={p.id} value={p.id} translate="no">
                {t("open.person", { name: p.displayName, title: p.title })}
              </option>
            ))}
          </select>
        </label>
      ))}
      <fieldset className="conclusion">
        <legend>{t("open.conclusion")}</legend>
        <label className="check">
          <input
            type="radio"
            name={fields.conclusion.name}
            value="pass"
            defaultChecked={fields.conclusion.initialValue !== "fail"}
          />{" "}
          {t("conclusion.pass")}
        </label>
        <label className="check">
          <input
            type="radio"
            name={fields.conclusion.name}
            value="fail"
            defaultChecked={fields.conclusion.initialValue === "fail"}
          />{" "}
          {t("conclusion.fail")}
        </label>
        <FieldErrors meta={fields.conclusion} />
      </fieldset>
      <TextareaField meta={fields.remarks} label={t("open.remarks")} rows={3} />
      <button type="submit" className="button button-primary" disabled={busy}>
        {t("open.submit")}
      </button>
    </Form>
  );
}
