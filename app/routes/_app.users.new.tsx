import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { PageHeader } from "~/components/page-header";
import { UserFields } from "~/components/user-fields";
import { db } from "~/infra/db.server";
import { parseForm } from "~/infra/forms";
import { requireUser } from "~/modules/auth/require-user.server";
import { organizationOptions } from "~/modules/org/org-options.server";
import { NewUserSchema } from "~/modules/org/user-forms";
import { MIN_PASSWORD_LENGTH } from "~/modules/org/user-rules";
import { createUser, UserAdminError } from "~/modules/org/users.server";

export const meta: MetaFunction = () => [{ title: "新建用户 · 验收" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "user.manage");
  return { orgs: await organizationOptions(db()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request, "user.manage");
  const parsed = parseForm(NewUserSchema, await request.formData());
  if (!parsed.ok) return data({ message: Object.values(parsed.errors)[0] }, { status: 400 });
  try {
    const created = await createUser(db(), user, parsed.data);
    return redirect(`/users/${created.id}`);
  } catch (error) {
    if (error instanceof UserAdminError)
      return data({ message: error.message }, { status: error.status });
    throw error;
  }
}

export default function NewUserPage() {
  const { orgs } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [orgId, setOrgId] = useState("");
  return (
    <>
      <PageHeader title="新建用户" crumbs={[{ to: "/users", label: "用户" }]} />
      {result?.message ? (
        <p className="alert alert-error" role="alert">
          {result.message}
        </p>
      ) : null}
      <Form method="post" className="panel form-stack">
        <label>
          用户名
          <input name="username" required maxLength={32} autoCapitalize="none" />
        </label>
        <UserFields orgs={orgs} orgId={orgId} onOrg={setOrgId} />
        <label>
          初始密码（至少 {MIN_PASSWORD_LENGTH} 位）
          <input name="password" type="password" required autoComplete="new-password" />
        </label>
        <div className="workflow-buttons">
          <button type="submit" className="button button-primary" disabled={busy}>
            创建
          </button>
          <Link className="button" to="/users">
            取消
          </Link>
        </div>
      </Form>
    </>
  );
}
