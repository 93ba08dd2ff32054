import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IntentButton } from "~/components/intent-button";
import { PageHeader } from "~/components/page-header";
import { SubItemPanel } from "~/components/plan/sub-item-panel";
import { AddSubItemForm } from "~/components/plan/tree-form";
import { parseSubmission, replyError, replyInvalid } from "~/infra/submission.server";
import type { AnyT } from "~/modules/acceptance/words";
import { requestT } from "~/modules/auth/language.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { useFormat } from "~/modules/i18n/use-format";
import { planForms } from "~/modules/plan/forms";
import { planPage } from "~/modules/plan/page.server";
import {
  addPlannedLot,
  approvePlan,
  generateCompoundPlan,
  removePlannedLot,
} from "~/modules/plan/plan.server";
import { addSubItem, removeSubItem } from "~/modules/plan/tree.server";
import { getCompound } from "~/modules/site/queries.server";

export const handle = { i18n: ["plan", "lot", "division"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "compound.view");
  const page = await planPage(db, user, scope, params.compoundId ?? "");
  if (!page) notFound("compound");
  const t: AnyT = await requestT(request);
  return { ...page, title: t("plan:meta.title", { compound: page.compound.name }) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "plan.manage");
  const t = await requestT(request);
  const w: AnyT = t;
  const submission = parseSubmission(await request.formData(), planForms(w).action, t);
  if (submission.status !== "success") return replyInvalid(submission);
  const compound = await getCompound(db, params.compoundId ?? "", user, scope);
  if (!compound) notFound("compound");
  const input = submission.value;
  try {
    if (input.intent === "generate") {
      await generateCompoundPlan(db, user, compound.id);
      return { done: w("plan:done.generated") };
    }
    if (input.intent === "approve") {
      await approvePlan(db, user, compound.id);
      return { done: w("plan:done.approved") };
    }
    if (input.intent === "addSubItem") {
      const { intent: _i, ...subItem } = input;
      await addSubItem(db, user, compound.id, subItem);
      return { done: w("plan:done.subItemAdded") };
    }
    if (input.intent === "removeSubItem") {
      await removeSubItem(db, user, compound.id, input.subItemId, input.reason);
      return { done: w("plan:done.subItemRemoved") };
    }
    if (input.intent === "add") {
      await addPlannedLot(db, user, compound.id, input);
      return { done: w("plan:done.added") };
    }
    await removePlannedLot(db, user, compound.id, input.plannedLotId, input.reason);
    return { done: w("plan:done.removed") };
  } catch (error) {
    return replyError(submission, error, t);
  }
}

export default function PlanPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { t } = useTranslation("plan");
  const { t: tDivision } = useTranslation("division");
  const f = useFormat();
  const done = result && "done" in result ? result.done : null;
  const failed = result && !("done" in result) ? result : null;
  // A removal's field error goes beside its row; any other refusal above the page.
  const intent = failed?.initialValue?.intent;
  const removing = intent === "remove" ? failed : undefined;
  const removingSubItem = intent === "removeSubItem" ? failed : undefined;
  const addingSubItem = intent === "addSubItem" ? failed : undefined;
  const fieldErrors = Object.keys(failed?.error ?? {}).some((k) => k !== "");
  const refusal = failed && !fieldErrors ? (failed.error?.[""] ?? []).join(" ") : "";
  const plan = d.plan;
  return (
    <>
      <PageHeader
        title={t("page.title")}
        crumbs={[{ to: `/compounds/${d.compound.id}`, label: d.compound.name, data: true }]}
        subtitle={
          plan
            ? t("page.summary", {
                status: t(`status.${plan.status}`),
                approved: plan.approvedAt
                  ? t("page.approvedAt", { at: f.dateTime(plan.approvedAt) })
                  : "",
                ...plan.totals,
              })
            : t("page.none")
        }
      />
      {plan?.status === "approved" ? (
        <p className="export-links">
          <Link className="button" to={`/compounds/${d.compound.id}/divisions`}>
            {tDivision("link")}
          </Link>
        </p>
      ) : null}
      {done ? (
        <p className="alert" role="status">
          {done}
        </p>
      ) : null}
      {refusal ? (
        <p className="alert alert-error" role="alert">
          {refusal}
        </p>
      ) : null}
      {!plan && d.canManage ? (
        <IntentButton
          intent="generate"
          label={t("page.generate")}
          tone="primary"
          busy={busy}
          className="panel"
        >
          <p>{t("page.generateHint")}</p>
        </IntentButton>
      ) : null}
      {d.canApprove ? (
        <IntentButton
          intent="approve"
          label={t("page.approve")}
          tone="primary"
          busy={busy}
          className="panel"
        >
          <p>{t("page.approveHint")}</p>
        </IntentButton>
      ) : null}
      {plan?.coverage.map((s) => (
        <SubItemPanel
          key={s.id}
          s={s}
          canManage={d.canManage}
          canOpenLots={d.canOpenLots}
          busy={busy}
          lastFor={(id) => (removing?.initialValue?.plannedLotId === id ? removing : undefined)}
          lastRemoval={
            removingSubItem?.initialValue?.subItemId === s.id
              ? (removingSubItem ?? undefined)
              : undefined
          }
        />
      ))}
      {plan && d.canManage ? (
        <AddSubItemForm
          divisions={d.divisions}
          workTypes={d.workTypes}
          busy={busy}
          lastResult={addingSubItem ?? undefined}
        />
      ) : null}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
