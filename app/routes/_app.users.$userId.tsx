import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormErrors, InputField, useSchemaForm } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { UserFields } from "~/components/user-fields";
import { parseSubmission, replyError, replyInvalid } from "~/infra/submission.server";
import { requestTranslators } from "~/modules/auth/language.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { useFormat } from "~/modules/i18n/use-format";
import { passwordFormSchema, userFieldsSchema, userIntentSchema } from "~/modules/org/user-forms";
import { userPage } from "~/modules/org/user-page.server";
import { MIN_PASSWORD_LENGTH } from "~/modules/org/user-rules";
import { resetPassword, setUserActive, updateUser } from "~/modules/org/users.server";

export const handle = { i18n: ["auth"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db } = await requireUser(request, "user.manage");
  const { t } = await requestTranslators(request, "auth");
  const page = await userPage(db, params.userId ?? "", t);
  if (!page) notFound("user");
  return { ...page, title: t("users.userMetaTitle", { name: page.account.displayName }) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db } = await requireUser(request, "user.manage");
  const { t, common } = await requestTranslators(request, "auth");
  const submission = parseSubmission(await request.formData(), userIntentSchema(t), common);
  if (submission.status !== "success") return replyInvalid(submission);
  const userId = params.userId ?? "";
  const input = submission.value;
  try {
    if (input.intent === "update") {
      const { intent: _intent, ...fields } = input;
      const { changed } = await updateUser(db, user, userId, fields);
      if (!changed) return data({ done: "unchanged" as const, intent: input.intent });
    } else if (input.intent === "password")
      await resetPassword(db, user, userId, input.password, common);
    else await setUserActive(db, user, userId, input.intent === "activate");
    return data({ done: input.intent, intent: input.intent });
  } catch (error) {
    if ((error as { status?: number }).status === 404) notFound("user");
    return replyError(submission, error, common);
  }
}

// FormErrors takes any form's metadata; its type names the widest one.
const anyForm = (form: unknown) => form as Parameters<typeof FormErrors>[0]["form"];

type Result = ReturnType<typeof useActionData<typeof action>>;
/** The server's answer goes to the form that sent it (by its submit button's intent). */
const replyFor = (result: Result, intents: readonly string[]) =>
  result && !("done" in result) && intents.includes(String(result.initialValue?.intent))
    ? result
    : undefined;

export default function UserPage() {
  const { account, orgs, history } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { t } = useTranslation("auth");
  const format = useFormat();
  const [orgId, setOrgId] = useState(account.organizationId);
  const fieldsSchema = useMemo(() => userFieldsSchema(t), [t]);
  const [profile, fields] = useSchemaForm(fieldsSchema, {
    id: `profile-${account.role}-${account.organizationId}`,
    lastResult: replyFor(result, ["update"]),
    defaultValue: {
      displayName: account.displayName,
      title: account.title,
      phone: account.phone ?? "",
      role: account.role,
      organizationId: account.organizationId,
    },
  });
  const [password, passwordFields] = useSchemaForm(passwordFormSchema(), {
    id: "password",
    lastResult: replyFor(result, ["password"]),
  });
  const [status] = useSchemaForm(
    useMemo(() => fieldsSchema.pick({}), [fieldsSchema]),
    {
      id: "status",
      lastResult: replyFor(result, ["activate", "deactivate"]),
    },
  );
  const statusLabel = account.active ? t("users.active") : t("users.inactive");
  return (
    <>
      <PageHeader
        title={
          <span translate="no">
            {t("users.pageTitle", { name: account.displayName, username: account.username })}
          </span>
        }
        crumbs={[{ to: "/users", label: t("users.title") }]}
        subtitle={
          <>
            <span translate="no">{account.organization.name}</span> · {account.roleLabel} ·{" "}
            {statusLabel}
          </>
        }
      />
      {result && "done" in result ? (
        <p className="alert" role="status">
          {t(`users.done.${result.done}`)}
        </p>
      ) : null}
      <Form method="post" className="panel form-stack" {...getFormProps(profile)}>
        <h2>{t("users.profile")}</h2>
        <FormErrors form={anyForm(profile)} />
        <UserFields orgs={orgs} fields={fields} orgId={orgId} onOrg={setOrgId} />
        <p className="muted">{t("users.profileHint")}</p>
        <div className="workflow-buttons">
          <button
            type="submit"
            name="intent"
            value="update"
            className="button button-primary"
            disabled={busy}
          >
            {t("actions.save", { ns: "common" })}
          </button>
        </div>
      </Form>
      <Form method="post" className="panel form-stack" {...getFormProps(password)}>
        <h2>{t("users.resetPassword")}</h2>
        <FormErrors form={anyForm(password)} />
        <InputField
          meta={passwordFields.password}
          type="password"
          label={t("users.newPassword", { min: MIN_PASSWORD_LENGTH })}
          autoComplete="new-password"
        />
        <div className="workflow-buttons">
          <button type="submit" name="intent" value="password" className="button" disabled={busy}>
            {t("users.resetPassword")}
          </button>
        </div>
      </Form>
      <Form method="post" className="panel" {...getFormProps(status)}>
        <h2>{t("users.accountStatus")}</h2>
        <FormErrors form={anyForm(status)} />
        <button
          type="submit"
          name="intent"
          value={account.active ? "deactivate" : "activate"}
          className="button"
          disabled={busy}
        >
          {account.active ? t("users.deactivate") : t("users.activate")}
        </button>
      </Form>
      <section className="panel">
        <h2>{t("users.history")}</h2>
        <ol className="history" data-testid="user-history">
          {history.map((h) => (
            <li key={h.seq}>
              <span className="muted">{format.dateTime(h.at)}</span> {h.action}
              {h.detail ? t("users.detail", { detail: h.detail }) : ""}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
