import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/page-header";
import { resultFor } from "~/components/residents/form-result";
import { PhotoInput } from "~/components/residents/panel-form";
import { WarrantyFacts } from "~/components/residents/warranty-facts";
import { WarrantyStepForm } from "~/components/residents/warranty-step-form";
import { DomainError } from "~/infra/domain-error";
import { parseSubmission, replyInvalid } from "~/infra/submission.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { photoUploadOf } from "~/modules/photo/photos.server";
import { photoStorage } from "~/modules/photo/storage.server";
import { warrantyActionSchema } from "~/modules/residents/forms";
import { residentsT } from "~/modules/residents/i18n.server";
import { residentsPageLoader } from "~/modules/residents/page-loader.server";
import { warrantyPage } from "~/modules/residents/pages.server";
import { replyRefusal, withPhotoForm } from "~/modules/residents/upload.server";
import { attachWarrantyPhoto, transitionWarranty } from "~/modules/residents/warranty.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export { residentsHandle as handle, titleMeta as meta } from "~/components/residents/route-meta";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  residentsPageLoader(
    request,
    "warranty.view",
    "warrantyIssue",
    (t) => t("warranty.detailTitle"),
    ({ db, user, scope }) => warrantyPage(db, user, scope, params.id ?? ""),
  );

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "warranty.view");
  const { replyT } = await residentsT(request);
  const id = params.id ?? "";
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    return withPhotoForm(request, 4, async (read) => {
      const submission = parseSubmission(read.form, warrantyActionSchema.partial(), replyT);
      try {
        if (read.files.length === 0)
          throw new DomainError("residents:errors.choosePhoto", { status: 400 });
        for (const f of read.files)
          await attachWarrantyPhoto(db, photoStorage(), user, scope, id, await photoUploadOf(f));
      } catch (e) {
        return replyRefusal(submission, e, replyT);
      }
      return { uploaded: read.files.length };
    });
  }
  const submission = parseSubmission(await request.formData(), warrantyActionSchema, replyT);
  if (submission.status !== "success") return replyInvalid(submission);
  const { action: step, comment } = submission.value;
  try {
    await transitionWarranty(db, user, scope, id, step, comment ?? null);
  } catch (e) {
    return replyRefusal(submission, e, replyT);
  }
  return { done: step };
}

function Photos({ title, ids }: { title: string; ids: { id: string }[] }) {
  const { t } = useTranslation("residents");
  return (
    <div>
      <h3>{title}</h3>
      <div className="photo-row">
        {ids.length === 0 ? <span className="muted">{t("warranty.noPhotos")}</span> : null}
        {ids.map((p) => (
          <a key={p.id} href={`/resident-photos/${p.id}/display`}>
            <img src={`/resident-photos/${p.id}/thumb`} alt={title} />
          </a>
        ))}
      </div>
    </div>
  );
}

export default function WarrantyDetail() {
  const { w, photos, actions, canUpload } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("residents");
  const busy = useNavigation().state !== "idle";
  const step = resultFor(result, "step");
  // The photo form's refusals (the step form shows its own beside its fields).
  const errors =
    !step && result && "error" in result && result.error ? Object.values(result.error).flat() : [];
  const refused = !step && result && "formErrors" in result ? result.formErrors : [];
  const message = [...errors, ...refused].join(" ");
  return (
    <>
      <PageHeader
        title={
          <>
            {w.number} <span translate="no">{w.title}</span>
          </>
        }
        crumbs={[
          {
            to: `/residents/${w.compound.id}/warranty`,
            label: `${w.compound.name}${t("warranty.listCrumb")}`,
          },
        ]}
        subtitle={
          <>
            <span translate="no">{w.placeLabel}</span> ·{" "}
            {t(`warranty.states.${w.status as "open"}`, { defaultValue: w.status })}
          </>
        }
      />
      {result && "uploaded" in result ? (
        <div className="alert" role="status">
          {t("warranty.uploaded", { count: result.uploaded })}
        </div>
      ) : null}
      {result && "done" in result && result.done ? (
        <div className="alert" role="status">
          {t(`warranty.done.${result.done}`)}
        </div>
      ) : null}
      {message ? (
        <div className="alert alert-error" role="status">
          {message}
        </div>
      ) : null}
      <WarrantyFacts w={w} />
      <section className="panel">
        <Photos title={t("warranty.beforePhotos")} ids={photos.before} />
        <Photos title={t("warranty.afterPhotos")} ids={photos.after} />
        {canUpload ? (
          <Form method="post" encType="multipart/form-data" className="residents-form">
            <PhotoInput label={t("warranty.uploadAfter")} />
            <button type="submit" className="button" disabled={busy}>
              {t("warranty.upload")}
            </button>
          </Form>
        ) : null}
      </section>
      {actions.length > 0 ? (
        <WarrantyStepForm actions={actions} lastResult={step} busy={busy} />
      ) : null}
      <p>
        <Link to={`/residents/${w.compound.id}/warranty`}>{t("warranty.backToList")}</Link>
      </p>
    </>
  );
}
