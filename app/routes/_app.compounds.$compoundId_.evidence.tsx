import type { SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DocumentsPanel } from "~/components/evidence/documents-panel";
import { type Last, unclaimedMessages } from "~/components/evidence/failed";
import { GapsList } from "~/components/evidence/gaps-list";
import { TestsPanel } from "~/components/evidence/tests-panel";
import { useStandardName } from "~/components/lot/standard-name";
import { PageHeader } from "~/components/page-header";
import { DomainError } from "~/infra/domain-error";
import { parseSubmission, replyError, replyInvalid } from "~/infra/submission.server";
import type { AnyT } from "~/modules/acceptance/words";
import { requestT } from "~/modules/auth/language.server";
import { can } from "~/modules/auth/permissions";
import { forbidden, notFound, requireUser } from "~/modules/auth/require-user.server";
import {
  reviewEvidenceDocument,
  uploadEvidenceDocument,
} from "~/modules/evidence/documents.server";
import { evidenceForms } from "~/modules/evidence/forms";
import { evidencePage } from "~/modules/evidence/page.server";
import { recordFunctionTest } from "~/modules/evidence/tests.server";
import { documentStorage } from "~/modules/files/document-store.server";
import { getCompound } from "~/modules/site/queries.server";

export const handle = { i18n: ["evidence", "lot", "checklist"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "lot.view");
  const page = await evidencePage(db, user, scope, params.compoundId ?? "");
  if (!page) notFound("compound");
  const t: AnyT = await requestT(request);
  return { ...page, title: t("evidence:meta.title", { compound: page.compound.name }) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Contractor (own compounds) and supervisor upload and record; only the 监理 checks or returns.
  const { user, scope, db } = await requireUser(request, "lot.record");
  const t = await requestT(request);
  const w: AnyT = t;
  const compound = await getCompound(db, params.compoundId ?? "", user, scope);
  if (!compound) notFound("compound");
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    try {
      await uploadEvidenceDocument(db, documentStorage("evidence"), user, compound.id, request);
      return { done: w("evidence:done.uploaded") };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // The upload form posts to ?division=…: its refusal goes back to that 分部's form.
      const division = new URL(request.url).searchParams.get("division") ?? "";
      const reply: SubmissionResult<string[]> = {
        status: "error",
        initialValue: { intent: "upload", division },
        error: { "": [error.text(t)] },
      };
      return data(reply, { status: error.status });
    }
  }
  const submission = parseSubmission(await request.formData(), evidenceForms(w).action, t);
  if (submission.status !== "success") return replyInvalid(submission);
  const input = submission.value;
  try {
    if (input.intent === "test") {
      const row = await recordFunctionTest(db, user, compound.id, input);
      return {
        done: w("evidence:done.tested", {
          verdict: w(`evidence:tests.${row.pass ? "pass" : "fail"}`),
        }),
      };
    }
    if (!can(user, "lot.review")) forbidden("lot.review");
    const decision = await reviewEvidenceDocument(db, user, compound.id, input);
    return { done: w(`evidence:done.${decision}`) };
  } catch (error) {
    return replyError(submission, error, t);
  }
}

export default function EvidencePage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { t } = useTranslation("evidence");
  const word = useStandardName();
  const done = result && "done" in result ? result.done : null;
  const failed = result && "status" in result ? (result as Last) : undefined;
  const unclaimed = unclaimedMessages(failed, d);
  return (
    <>
      <PageHeader
        title={t("page.title")}
        crumbs={[{ to: `/compounds/${d.compound.id}`, label: d.compound.name, data: true }]}
        subtitle={t("page.subtitle")}
      />
      {done ? (
        <p className="alert" role="status">
          {done}
        </p>
      ) : null}
      {unclaimed.length > 0 ? (
        <p className="alert alert-error" role="alert">
          {unclaimed.join(" ")}
        </p>
      ) : null}
      {d.divisions.length === 0 || d.planStatus !== "approved" ? (
        <p className="panel">
          {t("page.noPlan")}{" "}
          <Link to={`/compounds/${d.compound.id}/plan`}>{t("page.planLink")}</Link>
        </p>
      ) : null}
      {d.divisions.map((division) => (
        <section
          key={division.division}
          className="panel evidence-division"
          data-testid={`division-${division.division}`}
        >
          <h2 translate="no">{word(division.division)}</h2>
          <GapsList d={division} />
          <DocumentsPanel
            d={division}
            canReview={d.canReview}
            canUpload={d.canUpload}
            maxMb={d.maxMb}
            busy={busy}
            failed={failed}
          />
          <TestsPanel d={division} canTest={d.canTest} busy={busy} failed={failed} />
        </section>
      ))}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
