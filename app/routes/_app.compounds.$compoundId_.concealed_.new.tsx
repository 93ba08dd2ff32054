import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  FieldErrors,
  FormErrors,
  SelectField,
  TextareaField,
  useSchemaForm,
} from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { parseSubmission, replyError, replyInvalid } from "~/infra/submission.server";
import type { AnyT } from "~/modules/acceptance/words";
import { requestT } from "~/modules/auth/language.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { createSchema, parsePlace } from "~/modules/concealed/forms";
import { addConcealedPhoto, createConcealed } from "~/modules/concealed/notify.server";
import { createPage } from "~/modules/concealed/page.server";
import { photoUploadOf } from "~/modules/photo/photos.server";
import { photoStorage } from "~/modules/photo/storage.server";
import { withPhotoForm } from "~/modules/residents/upload.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["concealed"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "lot.submit");
  const page = await createPage(db, user, scope, params.compoundId ?? "");
  if (!page) notFound("compound");
  const t: AnyT = await requestT(request);
  return { ...page, title: t("concealed:create.metaTitle") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "lot.submit");
  const t = await requestT(request);
  return withPhotoForm(request, 4, async (read) => {
    const submission = parseSubmission(read.form, createSchema, t);
    if (submission.status !== "success") return replyInvalid(submission);
    const [first, ...more] = read.files;
    let id: string;
    try {
      const record = await createConcealed(
        db,
        photoStorage(),
        user,
        {
          compoundId: params.compoundId ?? "",
          ...parsePlace(submission.value.place),
          content: submission.value.content,
        },
        first ? await photoUploadOf(first) : null,
      );
      id = record.id;
      for (const f of more)
        await addConcealedPhoto(db, photoStorage(), user, scope, id, await photoUploadOf(f));
    } catch (error) {
      return replyError(submission, error, t);
    }
    return redirect(`/concealed/${id}`);
  });
}

export default function ConcealedNew() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [search] = useSearchParams();
  const { t } = useTranslation("concealed");
  const chosen = ["workType", "placeKind", "placeId"].map((k) => search.get(k) ?? "").join("|");
  const refused = result && "formErrors" in result ? result.formErrors : [];
  const [form, fields] = useSchemaForm(createSchema, {
    id: "concealed-create",
    lastResult: result && "status" in result ? result : undefined,
    defaultValue: { place: chosen },
  });
  return (
    <>
      <PageHeader
        title={t("create.title")}
        crumbs={[
          { to: `/compounds/${d.compound.id}`, label: d.compound.name, data: true },
          { to: `/compounds/${d.compound.id}/concealed`, label: t("list.title"), data: false },
        ]}
      />
      <Form
        method="post"
        encType="multipart/form-data"
        className="panel form-stack"
        {...getFormProps(form)}
      >
        {refused.length > 0 ? (
          <p className="alert alert-error" role="alert">
            {refused.join(" ")}
          </p>
        ) : null}
        <FormErrors form={form as never} />
        <SelectField meta={fields.place} label={t("create.place")}>
          <option value="">{t("create.choosePlace")}</option>
          {d.places.map((p) => (
            <option key={p.value} value={p.value} translate="no">
              {p.label}
            </option>
          ))}
        </SelectField>
        <FieldErrors meta={fields.placeId as never} />
        <TextareaField meta={fields.content} label={t("create.content")} rows={4} />
        <label className="field">
          <span>{t("create.photo")}</span>
          <input type="file" name="photo" accept="image/*" multiple required />
          <FieldErrors meta={fields.photo as never} />
        </label>
        <button type="submit" className="button button-primary" disabled={busy}>
          {t("create.submit")}
        </button>
      </Form>
    </>
  );
}
