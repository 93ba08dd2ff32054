import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/page-header";
import { resultFor } from "~/components/residents/form-result";
import { IllegalCard } from "~/components/residents/illegal-card";
import { IllegalRegisterForm } from "~/components/residents/illegal-register-form";
import { DomainError } from "~/infra/domain-error";
import { parseSubmission, replyInvalid } from "~/infra/submission.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { photoUploadOf } from "~/modules/photo/photos.server";
import { photoStorage } from "~/modules/photo/storage.server";
import { visibleCompound } from "~/modules/residents/access.server";
import { illegalRegisterSchema, illegalStepSchema } from "~/modules/residents/forms";
import { residentsT } from "~/modules/residents/i18n.server";
import {
  advanceIllegal,
  attachIllegalPhoto,
  registerIllegal,
} from "~/modules/residents/illegal.server";
import { residentsPageLoader } from "~/modules/residents/page-loader.server";
import { illegalPage } from "~/modules/residents/pages.server";
import { replyRefusal, withPhotoForm } from "~/modules/residents/upload.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export { residentsHandle as handle, titleMeta as meta } from "~/components/residents/route-meta";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  residentsPageLoader(
    request,
    "illegal.view",
    "compound",
    (t) => t("illegal.title"),
    ({ db, user, scope }) => illegalPage(db, user, scope, params.compoundId ?? ""),
  );

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "illegal.manage");
  const { t, replyT } = await residentsT(request);
  const compound = await visibleCompound(db, user, scope, params.compoundId ?? "");
  if (!compound) notFound("compound");
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    return withPhotoForm(request, 1, async (read) => {
      const file = read.files[0];
      if (read.form.get("intent") === "photo") {
        const submission = parseSubmission(read.form, illegalStepSchema.pick({ id: true }), replyT);
        if (submission.status !== "success") return replyInvalid(submission);
        try {
          if (!file) throw new DomainError("residents:errors.choosePhoto", { status: 400 });
          const photo = await photoUploadOf(file);
          await attachIllegalPhoto(db, photoStorage(), user, scope, submission.value.id, photo);
        } catch (e) {
          return replyRefusal(submission, e, replyT);
        }
        return { notice: t("illegal.photoUploaded") };
      }
      const submission = parseSubmission(read.form, illegalRegisterSchema(t), replyT);
      if (submission.status !== "success") return replyInvalid(submission);
      try {
        if (!file) throw new DomainError("residents:errors.choosePhoto", { status: 400 });
        const input = { compoundId: compound.id, ...submission.value };
        const r = await registerIllegal(db, photoStorage(), user, input, await photoUploadOf(file));
        return { notice: t("illegal.registered", { number: r.number }) };
      } catch (e) {
        return replyRefusal(submission, e, replyT);
      }
    });
  }
  const submission = parseSubmission(await request.formData(), illegalStepSchema, replyT);
  if (submission.status !== "success") return replyInvalid(submission);
  const s = submission.value;
  try {
    await advanceIllegal(db, user, scope, s.id, s.to, s.deadline, s.comment ?? null);
  } catch (e) {
    return replyRefusal(submission, e, replyT);
  }
  return { notice: t(`illegal.next.${s.to}`) };
}

export default function Illegal() {
  const { compound, rows, canManage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("residents");
  const busy = useNavigation().state !== "idle";
  const register = resultFor(result, "register");
  const steps = new Map(rows.map((r) => [r.id, resultFor(result, `step-${r.id}`)]));
  // The photo forms' refusals (the other forms show theirs beside their fields).
  const answered = register ?? [...steps.values()].find(Boolean);
  const errors =
    !answered && result && "error" in result && result.error
      ? Object.values(result.error).flat()
      : [];
  const refused = !answered && result && "formErrors" in result ? result.formErrors : [];
  const message = [...errors, ...refused].join(" ");
  return (
    <>
      <PageHeader
        title={t("illegal.title")}
        crumbs={[{ to: "/residents", label: t("hub.title") }]}
        subtitle={<span translate="no">{compound.name}</span>}
      />
      {result && "notice" in result ? (
        <div className="alert" role="status">
          {result.notice}
        </div>
      ) : null}
      {message ? (
        <div className="alert alert-error" role="status">
          {message}
        </div>
      ) : null}
      {canManage ? <IllegalRegisterForm lastResult={register} busy={busy} /> : null}
      <ul className="card-list" data-testid="illegal-list">
        {rows.length === 0 ? <li className="empty">{t("illegal.empty")}</li> : null}
        {rows.map((r) => (
          <IllegalCard
            key={r.id}
            r={r}
            canManage={canManage}
            busy={busy}
            stepResult={steps.get(r.id) ?? null}
          />
        ))}
      </ul>
    </>
  );
}
