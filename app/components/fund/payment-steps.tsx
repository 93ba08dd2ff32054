import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FormErrors, InputField, SelectField, useSchemaForm } from "~/components/form";
import { fundForms, type PaymentIntent } from "~/modules/fund/forms";
import type { GapView } from "~/modules/fund/refusal";
import { FUND_SOURCES } from "~/modules/fund/rules";
import { FundGaps } from "./gaps";
import { SignFields } from "./sign-fields";

export type StepResult = SubmissionResult<string[]> & { gaps?: GapView[] };
type StepProps = { busy: boolean; lastResult: StepResult | undefined };

function useStepForm(intent: PaymentIntent, lastResult: StepResult | undefined) {
  const { t } = useTranslation("fund");
  const forms = fundForms(t);
  return useSchemaForm(forms[intent], { id: `fund-${intent}`, lastResult });
}

/**
 * 监理审核: the form spans the lines table (its certified-quantity inputs) and this panel. When
 * the viewer may not certify, only the children show.
 */
export function CertifyForm({
  enabled,
  busy,
  lastResult,
  children,
}: StepProps & { enabled: boolean; children: ReactNode }) {
  const { t } = useTranslation("fund");
  const [form, fields] = useStepForm("certify", lastResult);
  if (!enabled) return <>{children}</>;
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="certify" />
      {children}
      <section className="panel form-stack">
        <h2>{t("certify.title")}</h2>
        <p className="muted">{t("certify.hint")}</p>
        <FormErrors form={form as never} />
        <FundGaps gaps={lastResult?.gaps} />
        <InputField
          meta={fields.opinion}
          label={t("certify.opinion")}
          placeholder={t("certify.opinionPlaceholder")}
        />
        <SignFields meta={fields.password} busy={busy} label={t("certify.submit")} />
      </section>
    </Form>
  );
}

/** One signed step's panel: title, refusal, the step's own fields, password and button. */
function StepPanel({
  intent,
  lastResult,
  busy,
  danger,
  fields,
}: StepProps & {
  intent: Exclude<PaymentIntent, "certify">;
  danger?: boolean;
  fields: (meta: ReturnType<typeof useStepForm>[1]) => ReactNode;
}) {
  const { t } = useTranslation("fund");
  const [form, meta] = useStepForm(intent, lastResult);
  return (
    <Form method="post" className="panel form-stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      <h2>{t(`${intent}.title`)}</h2>
      <FormErrors form={form as never} />
      {fields(meta)}
      <SignFields meta={meta.password} busy={busy} label={t(`${intent}.submit`)} danger={danger} />
    </Form>
  );
}

/** 建设单位 approves; 财政局 records the payment; 财政局 reverses an approved or paid one. */
export function StepForms({
  can,
  busy,
  lastFor,
}: {
  can: { approve: boolean; pay: boolean; reverse: boolean };
  busy: boolean;
  lastFor: (intent: PaymentIntent) => StepResult | undefined;
}) {
  const { t } = useTranslation("fund");
  return (
    <div className="fund-steps">
      {can.approve ? (
        <StepPanel
          intent="approve"
          busy={busy}
          lastResult={lastFor("approve")}
          fields={(m) => (
            <InputField
              meta={m.opinion}
              label={t("approve.opinion")}
              placeholder={t("approve.opinionPlaceholder")}
            />
          )}
        />
      ) : null}
      {can.pay ? (
        <StepPanel
          intent="pay"
          busy={busy}
          lastResult={lastFor("pay")}
          fields={(m) => (
            <>
              <SelectField meta={m.source} label={t("pay.source")} defaultValue="">
                <option value="" disabled>
                  {t("pay.choose")}
                </option>
                {FUND_SOURCES.map((s) => (
                  <option key={s} value={s}>
                    {t(`source.${s}`)}
                  </option>
                ))}
              </SelectField>
              <InputField meta={m.voucherNo} label={t("pay.voucher")} />
            </>
          )}
        />
      ) : null}
      {can.reverse ? (
        <StepPanel
          intent="reverse"
          busy={busy}
          lastResult={lastFor("reverse")}
          danger
          fields={(m) => (
            <>
              <p className="muted">{t("reverse.hint")}</p>
              <InputField meta={m.reason} label={t("reverse.reason")} />
            </>
          )}
        />
      ) : null}
    </div>
  );
}
