import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/page-header";
import { formResult } from "~/components/residents/form-result";
import { WarrantyReportForm } from "~/components/residents/warranty-report-form";
import { DomainError } from "~/infra/domain-error";
import { parseSubmission, replyInvalid } from "~/infra/submission.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { useFormat } from "~/modules/i18n/use-format";
import { photoUploadOf } from "~/modules/photo/photos.server";
import { photoStorage } from "~/modules/photo/storage.server";
import { visibleCompound } from "~/modules/residents/access.server";
import { warrantyReportSchema } from "~/modules/residents/forms";
import { residentsT } from "~/modules/residents/i18n.server";
import { residentsPageLoader } from "~/modules/residents/page-loader.server";
import { warrantyListPage } from "~/modules/residents/pages.server";
import { replyRefusal, withPhotoForm } from "~/modules/residents/upload.server";
import { reportWarranty } from "~/modules/residents/warranty-report.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export { residentsHandle as handle, titleMeta as meta } from "~/components/residents/route-meta";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  residentsPageLoader(
    request,
    "warranty.view",
    "compound",
    (t) => t("warranty.title"),
    ({ db, user, scope }) => warrantyListPage(db, user, scope, params.compoundId ?? ""),
  );

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "warranty.report");
  const { t, replyT } = await residentsT(request);
  const compound = await visibleCompound(db, user, scope, params.compoundId ?? "");
  if (!compound) notFound("compound");
  return withPhotoForm(request, 1, async (read) => {
    const submission = parseSubmission(read.form, warrantyReportSchema(t), replyT);
    if (submission.status !== "success") return replyInvalid(submission);
    let reportId: string;
    try {
      const photo = read.files[0];
      if (!photo) throw new DomainError("residents:errors.choosePhoto", { status: 400 });
      const input = { compoundId: compound.id, ...submission.value };
      reportId = (await reportWarranty(db, photoStorage(), user, input, await photoUploadOf(photo)))
        .id;
    } catch (e) {
      return replyRefusal(submission, e, replyT);
    }
    throw redirect(`/warranty/${reportId}`);
  });
}

export default function WarrantyList() {
  const { compound, rows, acceptedAt, options, canReport } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("residents");
  const f = useFormat();
  const busy = useNavigation().state !== "idle";
  const refused = result && "formErrors" in result ? result.formErrors.join(" ") : null;
  return (
    <>
      <PageHeader
        title={t("warranty.title")}
        crumbs={[{ to: "/residents", label: t("hub.title") }]}
        subtitle={
          <>
            <span translate="no">{compound.name}</span>
            {acceptedAt
              ? t("warranty.accepted", { date: f.date(acceptedAt) })
              : t("warranty.notAccepted")}
          </>
        }
      />
      {canReport ? (
        <WarrantyReportForm
          options={options}
          lastResult={formResult(result)}
          refused={refused}
          busy={busy}
        />
      ) : null}
      <ul className="card-list" data-testid="warranty-list">
        {rows.length === 0 ? <li className="empty">{t("warranty.empty")}</li> : null}
        {rows.map((w) => (
          <li key={w.id}>
            <Link className="card card-link" to={`/warranty/${w.id}`}>
              <strong>
                {w.number} <span translate="no">{w.title}</span>
              </strong>
              <span className="muted">
                <span translate="no">{w.placeLabel}</span> ·{" "}
                {t(
                  w.route === "contractor"
                    ? "warranty.route.contractor"
                    : "warranty.route.management",
                )}{" "}
                · {t(`warranty.states.${w.status as "open"}`, { defaultValue: w.status })} ·{" "}
                {f.date(w.createdAt)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
