import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/page-header";
import { requestTranslators } from "~/modules/auth/language.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { usersPage } from "~/modules/org/user-page.server";

export const handle = { i18n: ["auth"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { db } = await requireUser(request, "user.manage");
  const { t } = await requestTranslators(request, "auth");
  return { users: await usersPage(db, t), title: t("users.metaTitle") };
}

export default function UsersPage() {
  const { users } = useLoaderData<typeof loader>();
  const { t } = useTranslation("auth");
  return (
    <>
      <PageHeader
        title={t("users.title")}
        subtitle={t("users.subtitle")}
        actions={
          <Link className="button button-primary" to="/users/new">
            {t("users.new")}
          </Link>
        }
      />
      <table className="table" data-testid="users">
        <thead>
          <tr>
            <th>{t("users.username")}</th>
            <th>{t("users.name")}</th>
            <th>{t("users.organization")}</th>
            <th>{t("users.role")}</th>
            <th>{t("users.status")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className={u.active ? undefined : "muted"}>
              <td>
                <Link to={`/users/${u.id}`} translate="no">
                  {u.username}
                </Link>
              </td>
              <td translate="no">
                {u.displayName} <span className="muted">{u.title}</span>
              </td>
              <td translate="no">{u.organization}</td>
              <td>{u.roleLabel}</td>
              <td>{u.active ? t("users.active") : t("users.inactive")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
