import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConcealedForms } from "~/components/concealed/record-forms";
import { PageHeader } from "~/components/page-header";
import { DomainError } from "~/infra/domain-error";
import { parseSubmission, replyError, replyInvalid } from "~/infra/submission.server";
import { readSignature } from "~/modules/acceptance/signature-image.server";
import type { AnyT } from "~/modules/acceptance/words";
import { requestT } from "~/modules/auth/language.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { photoSchema, recordActionSchema } from "~/modules/concealed/forms";
import { addConcealedPhoto, requestAgain } from "~/modules/concealed/notify.server";
import { recordPage } from "~/modules/concealed/page.server";
import { refuseConcealed, signConcealed } from "~/modules/concealed/sign.server";
import { useFormat } from "~/modules/i18n/use-format";
import { photoUploadOf } from "~/modules/photo/photos.server";
import { photoStorage } from "~/modules/photo/storage.server";
import { withPhotoForm } from "~/modules/residents/upload.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["concealed", "lot"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "lot.view");
  const page = await recordPage(db, user, scope, params.id ?? "");
  if (!page) notFound("page");
  const t: AnyT = await requestT(request);
  return { ...page, title: t("concealed:page.metaTitle") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "lot.view");
  const t = await requestT(request);
  const id = params.id ?? "";
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    return withPhotoForm(request, 4, async (read) => {
      const submission = parseSubmission(read.form, photoSchema, t);
      try {
        if (read.files.length === 0)
          throw new DomainError("concealed:errors.choosePhoto", { status: 400, field: "photo" });
        for (const f of read.files)
          await addConcealedPhoto(db, photoStorage(), user, scope, id, await photoUploadOf(f));
      } catch (error) {
        return replyError(submission, error, t);
      }
      return { done: "photoAdded" as const };
    });
  }
  const submission = parseSubmission(await request.formData(), recordActionSchema, t);
  if (submission.status !== "success") return replyInvalid(submission);
  const input = submission.value;
  try {
    if (input.intent === "request") {
      await requestAgain(db, user, scope, id, input.content ?? "");
      return { done: "requested" as const };
    }
    if (input.intent === "refuse") {
      await refuseConcealed(db, user, scope, id, input.reason);
      return { done: "refusedDone" as const };
    }
    const image = await readSignature(input.signature);
    await signConcealed(db, user, scope, id, {
      password: input.password,
      image,
      opinion: input.opinion ?? "",
    });
    return { done: "signed" as const };
  } catch (error) {
    return replyError(submission, error, t);
  }
}

export default function ConcealedRecordPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { t } = useTranslation("concealed");
  const f = useFormat();
  const r = d.record;
  const done = result && "done" in result ? result.done : null;
  const failed = result && "status" in result ? result : undefined;
  const refused = result && "formErrors" in result ? result.formErrors : [];
  const next =
    r.status === "signed"
      ? t("page.signedNote")
      : r.status === "refused"
        ? d.mine
          ? t("page.nextRefused")
          : t("page.refused", { reason: r.refusedReason ?? "" })
        : d.may.sign
          ? t("page.nextSupervisor")
          : t("page.nextContractor");
  return (
    <>
      <PageHeader
        title={t("page.title")}
        crumbs={[
          { to: `/compounds/${d.compound.id}`, label: d.compound.name, data: true },
          { to: `/compounds/${d.compound.id}/concealed`, label: t("page.list"), data: false },
        ]}
        subtitle={
          <>
            <span translate="no">{r.placeLabel}</span> · {t(`status.${r.status as "signed"}`)}
          </>
        }
      />
      {done ? (
        <p className="alert" role="status">
          {t(`forms.${done}`)}
        </p>
      ) : null}
      <p className="next-step" data-testid="concealed-next">
        {next}
      </p>
      {r.status === "refused" ? (
        <p className="alert alert-error">{t("page.refused", { reason: r.refusedReason ?? "" })}</p>
      ) : null}
      <dl className="facts">
        <dt>{t("page.work")}</dt>
        <dd translate="no">{r.work}</dd>
        <dt>{t("page.division")}</dt>
        <dd translate="no">
          {r.division} / {r.subItem}
        </dd>
        <dt>{t("page.content")}</dt>
        <dd translate="no">{r.content}</dd>
        <dt>{t("page.contractor")}</dt>
        <dd translate="no">
          {d.contractorName} {d.creator?.displayName ?? ""}
        </dd>
        <dt>{t("page.requestedAt")}</dt>
        <dd>
          {f.dateTime(r.requestedAt)} ({t("page.requests")} {f.number(r.requests)})
        </dd>
        {r.status === "signed" ? (
          <>
            <dt>{t("page.opinion")}</dt>
            <dd translate="no">{r.opinion}</dd>
            <dt>{t("page.signature")}</dt>
            <dd>
              {t("page.signedBy", {
                name: d.signer?.displayName ?? "",
                time: r.signedAt ? f.dateTime(r.signedAt) : "",
              })}
            </dd>
            <dt>{t("page.contentHash")}</dt>
            <dd className="hash">{r.contentHash}</dd>
          </>
        ) : null}
      </dl>
      <h2>{t("page.photos")}</h2>
      <div className="photo-row">
        {r.photos.length === 0 ? <span className="muted">{t("page.noPhotos")}</span> : null}
        {r.photos.map((p) => (
          <a key={p.id} href={`/concealed-photos/${p.id}/display`}>
            <img src={`/concealed-photos/${p.id}/thumb`} alt={r.work} title={p.sha256} />
          </a>
        ))}
      </div>
      <p>
        <a className="button" href={`/reports/concealed/${r.id}.pdf`}>
          {t("page.pdf")}
        </a>
      </p>
      <ConcealedForms
        may={d.may}
        content={r.content}
        busy={busy}
        failed={failed}
        failedIntent={failed?.initialValue?.intent as string | undefined}
        refused={refused}
      />
    </>
  );
}
