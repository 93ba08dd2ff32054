import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormErrors, InputField, useSchemaForm } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { UserFields } from "~/components/user-fields";
import { parseSubmission, replyError, replyInvalid } from "~/infra/submission.server";
import { requestTranslators } from "~/modules/auth/language.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { organizationOptions } from "~/modules/org/org-options.server";
import { newUserSchema } from "~/modules/org/user-forms";
import { MIN_PASSWORD_LENGTH } from "~/modules/org/user-rules";
import { createUser } from "~/modules/org/users.server";

export const handle = { i18n: ["auth"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { db } = await requireUser(request, "user.manage");
  const { t } = await requestTranslators(request, "auth");
  return { orgs: await organizationOptions(db), title: t("users.newMetaTitle") };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, db } = await requireUser(request, "user.manage");
  const { t, common } = await requestTranslators(request, "auth");
  const submission = parseSubmission(await request.formData(), newUserSchema(t), common);
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    const created = await createUser(db, user, submission.value, common);
    return redirect(`/users/${created.id}`);
  } catch (error) {
    return replyError(submission, error, common);
  }
}

export default function NewUserPage() {
  const { orgs } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { t } = useTranslation("auth");
  const [orgId, setOrgId] = useState("");
  const [form, fields] = useSchemaForm(
    useMemo(() => newUserSchema(t), [t]),
    { lastResult },
  );
  return (
    <>
      <PageHeader title={t("users.new")} crumbs={[{ to: "/users", label: t("users.title") }]} />
      <Form method="post" className="panel form-stack" {...getFormProps(form)}>
        <FormErrors form={form as unknown as Parameters<typeof FormErrors>[0]["form"]} />
        <InputField meta={fields.username} label={t("users.username")} autoCapitalize="none" />
        <UserFields orgs={orgs} fields={fields} orgId={orgId} onOrg={setOrgId} />
        <InputField
          meta={fields.password}
          type="password"
          label={t("users.initialPassword", { min: MIN_PASSWORD_LENGTH })}
          autoComplete="new-password"
        />
        <div className="workflow-buttons">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t("users.create")}
          </button>
          <Link className="button" to="/users">
            {t("actions.cancel", { ns: "common" })}
          </Link>
        </div>
      </Form>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
