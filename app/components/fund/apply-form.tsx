import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, InputField, useSchemaForm } from "~/components/form";
import { fundForms } from "~/modules/fund/forms";
import type { GapView } from "~/modules/fund/refusal";
import { FundTable } from "./fund-table";
import { FundGaps } from "./gaps";
import { SignFields } from "./sign-fields";

type Item = { id: string; code: string; name: string; unit: string; available: string };

/** 施工单位 claims this period's quantities (at most what accepted lots cover) and signs. */
export function ApplyForm({
  items,
  busy,
  lastResult,
}: {
  items: readonly Item[];
  busy: boolean;
  lastResult: (SubmissionResult<string[]> & { gaps?: GapView[] }) | undefined;
}) {
  const { t } = useTranslation("fund");
  const [form, fields] = useSchemaForm(fundForms(t).apply, { id: "fund-apply", lastResult });
  const claimable = items.filter((i) => i.available !== "0");
  return (
    <section className="panel">
      <h2>{t("apply.title")}</h2>
      <p className="muted">{t("apply.hint")}</p>
      {claimable.length === 0 ? <p className="empty">{t("apply.nothing")}</p> : null}
      <Form method="post" className="form-stack" {...getFormProps(form)}>
        <FormErrors form={form as never} />
        <FundGaps gaps={lastResult?.gaps} />
        <FundTable
          head={[
            t("contract.col.code"),
            t("contract.col.name"),
            { num: t("apply.available") },
            { num: t("apply.claim") },
          ]}
        >
          {items.map((i) => (
            <tr key={i.id}>
              <td>{i.code}</td>
              <td translate="no">{i.name}</td>
              <td className="num">
                {i.available} <span translate="no">{i.unit}</span>
              </td>
              <td className="num">
                <input
                  className="fund-qty"
                  name={`qty-${i.id}`}
                  inputMode="decimal"
                  aria-label={t("apply.claimLabel", { code: i.code })}
                />
              </td>
            </tr>
          ))}
        </FundTable>
        <InputField
          meta={fields.period}
          label={t("apply.period")}
          placeholder={t("apply.periodPlaceholder")}
        />
        <SignFields meta={fields.password} busy={busy} label={t("apply.submit")} />
      </Form>
    </section>
  );
}
