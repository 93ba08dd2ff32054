import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { InputField, TextareaField, useSchemaForm } from "~/components/form";
import { isoDay } from "~/modules/i18n/dates";
import { useFormat } from "~/modules/i18n/use-format";
import { planSchema } from "~/modules/residents/forms";
import { PanelForm } from "./panel-form";

type Plan = {
  worksText: string;
  budgetYuan: number;
  startsOn: string | Date;
  endsOn: string | Date;
  publishedAt: string | Date | null;
} | null;

/** 改造方案: what the public page shows once published. */
export function PlanForm({
  plan,
  lastResult,
}: {
  plan: Plan;
  lastResult: SubmissionResult<string[]> | null;
}) {
  const { t } = useTranslation("residents");
  const f = useFormat();
  const [form, fields] = useSchemaForm(planSchema(t), {
    id: "plan",
    lastResult,
    defaultValue: {
      worksText: plan?.worksText ?? "",
      budgetWan: plan ? String(plan.budgetYuan / 10_000) : "",
      startsOn: plan ? isoDay(plan.startsOn) : "",
      endsOn: plan ? isoDay(plan.endsOn) : "",
    },
  });
  return (
    <PanelForm
      title={
        <>
          {t("reviews.planTitle")}
          {plan?.publishedAt
            ? t("reviews.planPublished", { date: f.date(plan.publishedAt) })
            : t("reviews.planUnpublished")}
        </>
      }
      form={form}
    >
      <input type="hidden" name="intent" value="plan" />
      <TextareaField meta={fields.worksText} label={t("reviews.worksText")} rows={5} />
      <InputField
        meta={fields.budgetWan}
        label={t("reviews.budgetWan")}
        type="number"
        step="0.01"
      />
      <InputField meta={fields.startsOn} label={t("reviews.startsOn")} type="date" />
      <InputField meta={fields.endsOn} label={t("reviews.endsOn")} type="date" />
      <div className="residents-checks">
        <label>
          <input type="checkbox" name="publish" defaultChecked={Boolean(plan?.publishedAt)} />{" "}
          {t("reviews.publish")}
        </label>
      </div>
      <button type="submit" className="button button-primary">
        {t("reviews.save")}
      </button>
    </PanelForm>
  );
}
