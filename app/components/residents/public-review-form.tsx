import type { SubmissionResult } from "@conform-to/react";
import { getInputProps, getSelectProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldErrors, InputField, TextareaField, useSchemaForm } from "~/components/form";
import {
  OPINION_MAX,
  publicReviewSchema,
  type ReviewTopic,
} from "~/modules/residents/review-rules";

const SCORES = [5, 4, 3, 2, 1] as const;

/** A household's 评议 of the plan (同意/不同意) or 满意度 of the finished work (1–5). */
export function PublicReviewForm({
  topic,
  lastResult,
  busy,
}: {
  topic: ReviewTopic;
  lastResult: SubmissionResult<string[]> | null;
  busy: boolean;
}) {
  const { t } = useTranslation("residents");
  const [form, fields] = useSchemaForm(publicReviewSchema(t), {
    id: "review",
    lastResult,
    defaultValue: { topic },
  });
  return (
    <Form
      method="post"
      className="panel public-form"
      id={form.id}
      onSubmit={form.onSubmit}
      noValidate
    >
      <input type="hidden" name="topic" value={topic} />
      <InputField
        meta={fields.code}
        label={t("publicReview.code")}
        autoComplete="off"
        autoCapitalize="characters"
        placeholder={t("publicReview.codePlaceholder")}
      />
      {topic === "plan" ? (
        <fieldset className="field">
          <legend>{t("publicReview.planOpinion")}</legend>
          <div className="residents-checks">
            <label>
              <input {...getInputProps(fields.rating, { type: "radio", value: "1" })} />{" "}
              {t("publicReview.agree")}
            </label>
            <label>
              <input
                {...getInputProps(fields.rating, { type: "radio", value: "0" })}
                id={`${fields.rating.id}-0`}
              />{" "}
              {t("publicReview.disagree")}
            </label>
          </div>
          <FieldErrors meta={fields.rating as never} />
        </fieldset>
      ) : (
        <label className="field" htmlFor={fields.rating.id}>
          <span>{t("publicReview.satisfaction")}</span>
          <select {...getSelectProps(fields.rating)} defaultValue="">
            <option value="" disabled>
              {t("publicReview.choose")}
            </option>
            {SCORES.map((s) => (
              <option key={s} value={String(s)}>
                {t("publicReview.score", { label: t(`rating.work.${s}`), score: s })}
              </option>
            ))}
          </select>
          <FieldErrors meta={fields.rating as never} />
        </label>
      )}
      <TextareaField
        meta={fields.opinion}
        label={t("publicReview.opinion", { max: OPINION_MAX })}
        rows={4}
      />
      <div className="hp-field" aria-hidden="true">
        <label>
          {t("publicReview.honeypot")}
          <input name="website" tabIndex={-1} autoComplete="off" />
        </label>
      </div>
      <button type="submit" className="button button-primary" disabled={busy}>
        {t("publicReview.submit")}
      </button>
    </Form>
  );
}
