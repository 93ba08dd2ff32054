import type { SubmissionResult } from "@conform-to/react";
import { getFormProps } from "@conform-to/react";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import {
  FormErrors,
  InputField,
  SelectField,
  TextareaField,
  useSchemaForm,
} from "~/components/form";
import { isDomainError } from "~/infra/domain-error";
import { parseSubmission } from "~/infra/submission.server";
import { requestT } from "~/modules/auth/language.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { ACCEPT_ROUTES, routeNeedsChief } from "~/modules/lot/acceptance-route";
import { recordAcceptRoute, withRouteUpload } from "~/modules/lot/acceptance-route.server";
import { acceptRouteSchema } from "~/modules/lot/acceptance-route-form";
import { acceptRouteFormPage } from "~/modules/lot/acceptance-route-page.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["nonconformance", "lot"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "lot.review");
  const page = await acceptRouteFormPage(db, user, scope, params.lotId ?? "");
  if (!page) notFound("lot");
  const t = await requestT(request);
  return { ...page, title: `${t("form.title", { ns: "nonconformance" })} · ${page.lot.number}` };
}

/** The route and its document: checked whole before anything is kept (GB 50300-2013 §5.0.6). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "lot.review");
  const t = await requestT(request);
  const lotId = params.lotId ?? "";
  // Set inside the upload's callback; read by the refusal below (so not narrowed to null).
  let submission = null as ReturnType<
    typeof parseSubmission<ReturnType<typeof acceptRouteSchema>>
  > | null;
  try {
    const invalid = await withRouteUpload(request, async ({ fields, file }) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.set(name, value);
      submission = parseSubmission(form, acceptRouteSchema(t), t);
      if (submission.status !== "success") return data(submission.reply(), { status: 400 });
      await recordAcceptRoute(db, user, scope, lotId, submission.value, file);
      return null;
    });
    if (invalid) return invalid;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const message = error.text(t);
    const reply: SubmissionResult<string[]> = submission
      ? submission.reply(
          error.field ? { fieldErrors: { [error.field]: [message] } } : { formErrors: [message] },
        )
      : { status: "error", error: { "": [message] } };
    return data(reply, { status: error.status });
  }
  return redirect(`/lots/${lotId}#nonconformance`);
}

export default function AcceptRouteForm() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { t } = useTranslation("nonconformance");
  const { t: tCommon } = useTranslation();
  const schema = useMemo(() => acceptRouteSchema(tCommon), [tCommon]);
  const [form, fields] = useSchemaForm(schema, {
    id: "accept-route",
    lastResult: result,
    defaultValue: { route: "testing" },
  });
  const documentError = fields.document?.errors;
  return (
    <main className="page-narrow">
      <p>
        <Link to={`/lots/${page.lot.id}`} className="button">
          {t("form.back")}
        </Link>
      </p>
      <h1>{t("form.title")}</h1>
      <p>
        <span translate="no">{page.lot.number}</span> ·{" "}
        <span translate="no">{page.lot.placeLabel}</span>
      </p>
      <p className="alert alert-error" translate="no">
        {page.lot.verdict}
      </p>
      <ul className="route-rules muted">
        <li>{t("rules.testing")}</li>
        <li>{t("rules.recalculation")}</li>
      </ul>
      {!page.open ? <p className="alert">{t("errors.wrongState")}</p> : null}
      <Form
        {...getFormProps(form)}
        method="post"
        encType="multipart/form-data"
        className="panel form-stack"
        aria-label={t("form.title")}
      >
        <FormErrors form={form as never} />
        <SelectField meta={fields.route} label={t("form.route")}>
          {ACCEPT_ROUTES.map((r) => (
            <option key={r} value={r}>
              {t(`routes.${r}`)}
              {routeNeedsChief(r) && !page.isChief ? t("form.chiefOnly") : ""}
            </option>
          ))}
        </SelectField>
        <InputField
          meta={fields.body}
          label={t("form.body")}
          hint={<small className="muted">{t("form.bodyHint")}</small>}
          autoComplete="off"
        />
        <InputField meta={fields.reportNumber} label={t("form.reportNumber")} autoComplete="off" />
        <TextareaField
          meta={fields.note}
          label={t("form.note")}
          rows={3}
          hint={<small className="muted">{t("form.noteHint")}</small>}
        />
        <label className="field" htmlFor="accept-route-document">
          <span>{t("form.document")}</span>
          <input
            id="accept-route-document"
            name="document"
            type="file"
            accept="application/pdf,image/jpeg,image/png,image/webp"
            required
            aria-invalid={documentError?.length ? true : undefined}
          />
          <small className="muted">{t("form.documentHint", { mb: page.maxMb })}</small>
          {documentError?.length ? (
            <em className="field-error">{documentError.join(" ")}</em>
          ) : null}
        </label>
        <div className="workflow-buttons">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t("form.submit")}
          </button>
        </div>
      </Form>
    </main>
  );
}
