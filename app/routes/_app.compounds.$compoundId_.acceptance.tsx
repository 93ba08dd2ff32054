import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PrerequisitesPanel, ReviewsPanel } from "~/components/acceptance/prerequisites-panel";
import { OpenForm, SignForm, VoidForm } from "~/components/acceptance/session-forms";
import { SessionPanel } from "~/components/acceptance/session-panel";
import { SupervisionPanel } from "~/components/acceptance-supervision";
import { PreAcceptancePanel } from "~/components/ladder/pre-acceptance-panel";
import { FactsPanel, RecordsPanel } from "~/components/ladder/records-panel";
import { ReportsPanel } from "~/components/ladder/reports-panel";
import { LadderSteps } from "~/components/ladder/steps";
import { PageHeader } from "~/components/page-header";
import { parseSubmission, replyError, replyInvalid } from "~/infra/submission.server";
import {
  openAcceptance,
  signAcceptance,
  voidAcceptance,
} from "~/modules/acceptance/acceptance.server";
import { acceptanceForms } from "~/modules/acceptance/forms";
import { acceptancePage } from "~/modules/acceptance/page.server";
import { readSignature } from "~/modules/acceptance/signature-image.server";
import { fileSupervisionRecord } from "~/modules/acceptance/supervision.server";
import type { AnyT } from "~/modules/acceptance/words";
import { requestT } from "~/modules/auth/language.server";
import { notFound, requireSignedInContext, requireUser } from "~/modules/auth/require-user.server";
import { ladderAction } from "~/modules/ladder/action.server";
import { closingView } from "~/modules/ladder/closing.server";
import { isLadderIntent } from "~/modules/ladder/forms";
import { ladderView } from "~/modules/ladder/view.server";
import { getCompound } from "~/modules/site/queries.server";

export const handle = { i18n: ["acceptance", "ladder"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "acceptance.view");
  const t: AnyT = await requestT(request);
  const page = await acceptancePage(db, user, scope, params.compoundId ?? "", t);
  if (!page) notFound("compound");
  const [ladder, closing] = await Promise.all([
    ladderView(db, user, page.compound.id),
    closingView(db, user, page.compound.id),
  ]);
  return {
    ...page,
    ladder,
    closing,
    title: t("acceptance:meta.title", { compound: page.compound.name }),
  };
}

const PERMISSION = {
  open: "acceptance.manage",
  void: "acceptance.manage",
  sign: "acceptance.sign",
  supervise: "acceptance.supervise",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  await requireSignedInContext(request); // before the body: the intent inside picks the permission
  const t = await requestT(request);
  const w: AnyT = t;
  const form = await request.formData();
  if (isLadderIntent(form.get("intent")))
    return ladderAction(request, params.compoundId ?? "", form);
  const submission = parseSubmission(form, acceptanceForms(w).action, t);
  if (submission.status !== "success") return replyInvalid(submission);
  const input = submission.value;
  const { user, scope, db } = await requireUser(request, PERMISSION[input.intent]);
  const compound = await getCompound(db, params.compoundId ?? "", user, scope);
  if (!compound) notFound("compound");
  try {
    if (input.intent === "open") {
      const signatories: Record<number, string> = {};
      for (const [key, value] of form.entries()) {
        const seq = /^seat-(\d+)$/.exec(key)?.[1];
        if (seq && typeof value === "string") signatories[Number(seq)] = value;
      }
      const opening = { conclusion: input.conclusion, remarks: input.remarks ?? "", signatories };
      await openAcceptance(db, user, compound.id, opening, w);
      return { done: w("acceptance:done.opened") };
    }
    if (input.intent === "supervise") {
      await fileSupervisionRecord(db, user, compound.id, input.acceptanceId, input.record);
      return { done: w("acceptance:done.supervised") };
    }
    if (input.intent === "void") {
      await voidAcceptance(db, user, compound.id, input.acceptanceId, input.reason);
      return { done: w("acceptance:done.voided") };
    }
    const image = await readSignature(input.signature ?? "");
    const result = await signAcceptance(db, user, input.acceptanceId, {
      password: input.password,
      image,
      opinion: input.opinion ?? "",
    });
    return {
      done:
        result.status === "open"
          ? w("acceptance:done.signed")
          : w("acceptance:done.signedConcluded", {
              status: w(`acceptance:status.${result.status}`),
            }),
    };
  } catch (error) {
    return replyError(submission, error, t);
  }
}

export default function AcceptancePage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { t } = useTranslation("acceptance");
  const done = result && "done" in result ? result.done : null;
  const failed = result && !("done" in result) ? result : null;
  // Each form shows the refusal of its own intent, beside its field or above it.
  const lastFor = (intent: string) =>
    failed?.initialValue?.intent === intent ? failed : undefined;
  const a = d.acceptance;
  return (
    <>
      <PageHeader
        title={t("page.title")}
        crumbs={[{ to: `/compounds/${d.compound.id}`, label: d.compound.name, data: true }]}
        subtitle={a ? t("page.subtitle", { status: t(`status.${a.status}`) }) : t("page.notOpened")}
        actions={
          a && a.status !== "open" && d.canExport ? (
            <a
              className="button button-primary"
              href={`/reports/compounds/${d.compound.id}/acceptance.pdf`}
              download
            >
              {t("page.downloadPdf")}
            </a>
          ) : undefined
        }
      />
      {done ? (
        <p className="alert" role="status">
          {done}
        </p>
      ) : null}
      {a ? (
        <p className={`acceptance-status acc-${a.status}`} data-testid="acceptance-status">
          {t(`status.${a.status}`)}
        </p>
      ) : null}
      <LadderSteps step={d.ladder.step} />
      <ReportsPanel view={d.ladder} busy={busy} lastResult={lastFor("report")} />
      <PreAcceptancePanel
        view={d.ladder}
        compoundId={d.compound.id}
        canExport={d.canExport}
        busy={busy}
        lastResult={lastFor("preaccept")}
      />
      <RecordsPanel
        view={d.closing}
        compoundId={d.compound.id}
        canExport={d.canExport}
        busy={busy}
        lastResult={lastFor("file")}
      />
      <FactsPanel view={d.closing} busy={busy} lastResult={lastFor("facts")} />
      <PrerequisitesPanel prerequisites={d.prerequisites} />
      <ReviewsPanel reviews={d.reviews} />
      {a ? <SessionPanel acceptance={a} hashCheck={d.hashCheck} /> : null}
      {a ? (
        <SupervisionPanel
          acceptanceId={a.id}
          organiser={d.organiser}
          supervision={d.supervision}
          canSupervise={d.canSupervise}
          busy={busy}
          lastResult={lastFor("supervise")}
        />
      ) : null}
      {d.canSign && a ? (
        <SignForm acceptanceId={a.id} busy={busy} lastResult={lastFor("sign")} />
      ) : null}
      {d.canVoid && a ? (
        <VoidForm acceptanceId={a.id} busy={busy} lastResult={lastFor("void")} />
      ) : null}
      {d.canOpen ? <OpenForm seats={d.seats} busy={busy} lastResult={lastFor("open")} /> : null}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
