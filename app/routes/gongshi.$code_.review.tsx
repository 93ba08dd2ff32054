import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formResult } from "~/components/residents/form-result";
import { PublicReviewForm } from "~/components/residents/public-review-form";
import { clientAddress } from "~/infra/http.server";
import { parseSubmission, replyError, replyInvalid } from "~/infra/submission.server";
import { z } from "~/infra/zod";
import { notFound, publicContext } from "~/modules/auth/require-user.server";
import { residentsT } from "~/modules/residents/i18n.server";
import { publicResidents } from "~/modules/residents/public.server";
import { publicReviewSchema } from "~/modules/residents/review-rules";
import { submitPublicReview } from "~/modules/residents/reviews.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["residents"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

const TopicQuery = z.object({ topic: z.enum(["plan", "work"]).catch("plan") });

/** Public, no sign-in: a household gives its opinion with the code the community handed out. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db } = publicContext();
  const code = (params.code ?? "").toUpperCase();
  const residents = await publicResidents(db, code);
  if (!residents) notFound("compound");
  const { topic } = TopicQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const open = topic === "plan" ? residents.plan !== null : residents.passed;
  const { t } = await residentsT(request);
  return { code, topic, open, title: t("publicReview.pageTitle") };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { db } = publicContext();
  const { t, replyT } = await residentsT(request);
  const code = (params.code ?? "").toUpperCase();
  if (Number(request.headers.get("content-length") ?? "0") > 16 * 1024)
    return data({ refused: t("errors.tooLong") }, { status: 413 });
  const submission = parseSubmission(await request.formData(), publicReviewSchema(t), replyT);
  if (submission.status !== "success") return replyInvalid(submission);
  // A robot filled the hidden field: answer as if accepted, store nothing.
  if (submission.value.website) return { received: "publicReview.thanks" as const };
  try {
    await submitPublicReview(db, code, clientAddress(context), submission.value);
  } catch (e) {
    return replyError(submission, e, replyT);
  }
  return { received: "publicReview.received" as const };
}

export default function PublicReview() {
  const { code, topic, open } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("residents");
  const busy = useNavigation().state !== "idle";
  const received = result && "received" in result ? result.received : null;
  const reply = formResult(result);
  const refused = [
    ...(result && "refused" in result ? [result.refused] : []),
    ...(reply?.error?.[""] ?? []),
  ].join(" ");
  return (
    <main className="public-notice">
      <h1>{t(`publicReview.topic.${topic}`)}</h1>
      <p className="muted">{t("publicReview.intro")}</p>
      {received || refused ? (
        <div
          className={received ? "alert" : "alert alert-error"}
          role="status"
          data-testid="review-result"
        >
          {received ? t(received) : refused}
        </div>
      ) : null}
      {!open ? (
        <p className="panel">
          {topic === "plan" ? t("publicReview.closedPlan") : t("publicReview.closedWork")}
        </p>
      ) : received ? null : (
        <PublicReviewForm topic={topic} lastResult={reply} busy={busy} />
      )}
      <p>
        <Link to={`/gongshi/${code}`}>{t("publicReview.back")}</Link>
      </p>
    </main>
  );
}
