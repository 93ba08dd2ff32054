import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ApplyForm } from "~/components/fund/apply-form";
import { ApplicationsTable, BillTable } from "~/components/fund/contract";
import { PageHeader } from "~/components/page-header";
import { parseSubmission, replyInvalid } from "~/infra/submission.server";
import { requestTranslators } from "~/modules/auth/language.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { claimedLines, fundForms } from "~/modules/fund/forms";
import { contractPage } from "~/modules/fund/pages.server";
import { applyPayment } from "~/modules/fund/payments.server";
import { replyFundError } from "~/modules/fund/reply.server";
import { useFormat } from "~/modules/i18n/use-format";
import fundStyles from "~/styles/funds.css?url";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["fund"] };
export const links = () => [{ rel: "stylesheet", href: fundStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "fund.view");
  const page = await contractPage(db, user, scope, params.contractId ?? "");
  if (!page) notFound("contract");
  const { t } = await requestTranslators(request, "fund");
  return { ...page, title: t("meta.contract", { name: page.contract.name }) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "fund.apply");
  const { t, common } = await requestTranslators(request, "fund");
  const form = await request.formData();
  const submission = parseSubmission(form, fundForms(t).apply, common);
  if (submission.status !== "success") return replyInvalid(submission);
  let id: string;
  try {
    const lines = claimedLines(form);
    const app = await applyPayment(db, user, scope, params.contractId ?? "", {
      ...submission.value,
      lines,
    });
    id = app.id;
  } catch (error) {
    return replyFundError(submission, error, common);
  }
  throw redirect(`/funds/payments/${id}`);
}

export default function ContractPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { t } = useTranslation("fund");
  const f = useFormat();
  const c = d.contract;
  return (
    <>
      <PageHeader
        title={<span translate="no">{c.name}</span>}
        crumbs={[{ to: "/funds", label: t("crumb") }]}
        subtitle={
          <>
            <span translate="no">{c.compoundName}</span> ·{" "}
            <span translate="no">{c.contractorName}</span> ·{" "}
            {t("contract.retention", { rate: c.retention })}
            {c.warrantyEndsOn ? t("contract.warrantyTo", { date: f.date(c.warrantyEndsOn) }) : ""}
          </>
        }
      />
      <h2>{t("contract.billTitle")}</h2>
      <BillTable items={d.items} />
      <h2>{t("contract.applications")}</h2>
      <ApplicationsTable applications={d.applications} />
      {d.canApply ? (
        <ApplyForm items={d.items} busy={busy} lastResult={result ?? undefined} />
      ) : null}
    </>
  );
}
