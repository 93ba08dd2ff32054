import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FundStats } from "~/components/fund/gaps";
import { PaymentLines, Signatures } from "~/components/fund/payment-lines";
import { CertifyForm, StepForms, type StepResult } from "~/components/fund/payment-steps";
import { PageHeader } from "~/components/page-header";
import { parseSubmission, replyInvalid } from "~/infra/submission.server";
import { requestTranslators } from "~/modules/auth/language.server";
import { notFound, requireSignedInContext, requireUser } from "~/modules/auth/require-user.server";
import { certifiedQuantities, fundForms, type PaymentIntent } from "~/modules/fund/forms";
import { paymentPage } from "~/modules/fund/pages.server";
import {
  approvePayment,
  certifyPayment,
  recordPayment,
  reversePayment,
} from "~/modules/fund/payments.server";
import { replyFundError } from "~/modules/fund/reply.server";
import { useFormat } from "~/modules/i18n/use-format";
import fundStyles from "~/styles/funds.css?url";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["fund"] };
export const links = () => [{ rel: "stylesheet", href: fundStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "fund.view");
  const page = await paymentPage(db, user, scope, params.paymentId ?? "");
  if (!page) notFound("payment");
  const { t } = await requestTranslators(request, "fund");
  return { ...page, title: t("meta.payment", { number: page.app.number }) };
}

const PERMISSION = {
  certify: "fund.certify",
  approve: "fund.approve",
  pay: "fund.pay",
  reverse: "fund.reverse",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  await requireSignedInContext(request); // before the body: the intent inside picks the permission
  const { t, common } = await requestTranslators(request, "fund");
  const form = await request.formData();
  const submission = parseSubmission(form, fundForms(t).step, common);
  if (submission.status !== "success") return replyInvalid(submission);
  const input = submission.value;
  const { user, db } = await requireUser(request, PERMISSION[input.intent]);
  // The application must be one the viewer may see at all.
  const { scope } = await requireUser(request, "fund.view");
  const page = await paymentPage(db, user, scope, params.paymentId ?? "");
  if (!page) notFound("payment");
  const id = page.app.id;
  const opinion = "opinion" in input ? (input.opinion ?? "") : "";
  try {
    if (input.intent === "certify") {
      const quantities = certifiedQuantities(form, page.app.lines);
      await certifyPayment(db, user, id, { quantities, password: input.password, opinion });
    } else if (input.intent === "approve") {
      await approvePayment(db, user, id, { password: input.password, opinion });
    } else if (input.intent === "pay") {
      await recordPayment(db, user, id, { ...input, opinion });
    } else {
      await reversePayment(db, user, id, input);
    }
    return { done: t(`${input.intent}.done`) };
  } catch (error) {
    return replyFundError(submission, error, common);
  }
}

export default function PaymentPage() {
  const { app, can } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { t } = useTranslation("fund");
  const f = useFormat();
  const done = result && "done" in result ? result.done : null;
  const failed = result && !("done" in result) ? (result as StepResult) : undefined;
  // Each form shows the refusal of its own intent.
  const lastFor = (intent: PaymentIntent) =>
    failed?.initialValue?.intent === intent ? failed : undefined;
  return (
    <>
      <PageHeader
        title={
          <>
            {t("payment.heading")} <span translate="no">{app.number}</span>
          </>
        }
        crumbs={[
          { to: "/funds", label: t("crumb") },
          { to: `/funds/contracts/${app.contract.id}`, label: app.contract.name, data: true },
        ]}
        subtitle={
          <>
            <span translate="no">{app.period}</span> · {t(`state.${app.status}` as "state.paid")}
          </>
        }
      />
      {done ? <p className="alert">{done}</p> : null}
      {app.reversed ? (
        <p className="alert alert-error">
          {t("payment.reversed", { at: f.dateTime(app.reversed.at) })}
          <span translate="no">{app.reversed.reason}</span>
        </p>
      ) : null}
      <FundStats
        items={[
          { label: t("payment.gross"), value: app.gross },
          { label: t("payment.retention", { rate: app.retention }), value: app.retentionAmount },
          { label: t("payment.net"), value: app.net, testId: "net" },
        ]}
      />
      {app.paid ? (
        <p>
          {t("payment.paid", {
            at: f.dateTime(app.paid.at),
            source: t(`source.${app.paid.source}` as "source.central"),
            voucher: app.paid.voucherNo,
          })}
        </p>
      ) : null}
      <CertifyForm enabled={can.certify} busy={busy} lastResult={lastFor("certify")}>
        <h2>{t("payment.linesTitle")}</h2>
        <PaymentLines lines={app.lines} certifying={can.certify} canOpenLots={can.lots} />
      </CertifyForm>
      <StepForms can={can} busy={busy} lastFor={lastFor} />
      <h2>{t("payment.signatures")}</h2>
      <Signatures signatures={app.signatures} />
    </>
  );
}
