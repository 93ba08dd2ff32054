import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/page-header";
import { noticeOf, resultFor } from "~/components/residents/form-result";
import { PlanForm } from "~/components/residents/plan-form";
import { ReviewModeration } from "~/components/residents/review-moderation";
import { ReviewCodeSheet } from "~/components/review-code-sheet";
import { parseSubmission, replyError, replyInvalid } from "~/infra/submission.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { visibleCompound } from "~/modules/residents/access.server";
import { moderateSchema, planSchema } from "~/modules/residents/forms";
import { residentsT } from "~/modules/residents/i18n.server";
import { residentsPageLoader } from "~/modules/residents/page-loader.server";
import { reviewsPage } from "~/modules/residents/pages.server";
import { issueHouseholdCodes, moderateReview, savePlan } from "~/modules/residents/reviews.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export { residentsHandle as handle, titleMeta as meta } from "~/components/residents/route-meta";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  residentsPageLoader(
    request,
    "review.view",
    "compound",
    (t) => t("reviews.title"),
    ({ db, user, scope }) => reviewsPage(db, user, scope, params.compoundId ?? ""),
  );

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "review.manage");
  const { t, replyT } = await residentsT(request);
  const compound = await visibleCompound(db, user, scope, params.compoundId ?? "");
  if (!compound) notFound("compound");
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "codes") {
    const codes = await issueHouseholdCodes(db, user, compound.id);
    return { codes, notice: codes.length ? null : "reviews.codesNone" };
  }
  if (intent === "moderate") {
    const submission = parseSubmission(form, moderateSchema, replyT);
    if (submission.status !== "success") return replyInvalid(submission);
    const { reviewId, to } = submission.value;
    try {
      await moderateReview(db, user, compound.id, reviewId, to);
    } catch (e) {
      return replyError(submission, e, replyT);
    }
    return { notice: to === "published" ? "reviews.published" : "reviews.hidden" };
  }
  const submission = parseSubmission(form, planSchema(t), replyT);
  if (submission.status !== "success") return replyInvalid(submission);
  const p = submission.value;
  try {
    await savePlan(db, user, compound.id, {
      worksText: p.worksText,
      budgetYuan: Math.round(p.budgetWan * 10_000),
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      publish: p.publish === "on",
    });
  } catch (e) {
    return replyError(submission, e, replyT);
  }
  return { notice: p.publish ? "reviews.planPublishedNow" : "reviews.planSaved" };
}

const NOTICES = [
  "reviews.codesNone",
  "reviews.published",
  "reviews.hidden",
  "reviews.planPublishedNow",
  "reviews.planSaved",
] as const;

export default function Reviews() {
  const { compound, plan, summary, reviews, canManage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("residents");
  const notice = NOTICES.find((n) => n === noticeOf(result));
  const moderation = resultFor(result, "moderate");
  const codes = result && "codes" in result ? result.codes : null;
  if (codes?.length) return <ReviewCodeSheet compound={compound} codes={codes} />;
  return (
    <>
      <PageHeader
        title={t("reviews.title")}
        crumbs={[{ to: "/residents", label: t("hub.title") }]}
        subtitle={<span translate="no">{compound.name}</span>}
        actions={
          <a className="button" href={`/gongshi/${compound.code}`}>
            {t("reviews.publicPage")}
          </a>
        }
      />
      {notice ? (
        <div className="alert" role="status">
          {t(notice)}
        </div>
      ) : null}
      {moderation?.error?.[""] ? (
        <div className="alert alert-error" role="status">
          {moderation.error[""]?.join(" ")}
        </div>
      ) : null}
      <section className="panel" data-testid="review-summary">
        <h2>{t("reviews.summaryTitle")}</h2>
        <p>
          {t("reviews.summary", {
            codes: summary.codes,
            planTotal: summary.plan.total,
            agree: summary.plan.agree,
            workTotal: summary.work.total,
          })}
          {summary.work.average !== null
            ? t("reviews.summaryAverage", {
                average: summary.work.average,
                satisfied: summary.work.satisfied,
              })
            : ""}
          {t("reviews.summaryEnd")}
        </p>
        {summary.work.byBuilding.map((b) => (
          <p key={b.building} className="muted">
            <span translate="no">{b.building}</span>
            {t("reviews.byBuilding", { count: b.count, average: b.average ?? 0 })}
          </p>
        ))}
      </section>
      {canManage ? <PlanForm plan={plan} lastResult={resultFor(result, "plan")} /> : null}
      {canManage ? (
        <section className="panel">
          <h2>{t("reviews.codesTitle")}</h2>
          <p className="muted">{t("reviews.codesHelp")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="codes" />
            <button type="submit" className="button">
              {t("reviews.codesButton")}
            </button>
          </Form>
        </section>
      ) : null}
      <ReviewModeration reviews={reviews} canManage={canManage} />
    </>
  );
}
