import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/page-header";
import { requestTranslators } from "~/modules/auth/language.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { isOrgKind } from "~/modules/org/labels";
import { listOrganizations } from "~/modules/org/queries.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "organization.view");
  const { t } = await requestTranslators(request, "auth");
  return {
    organizations: await listOrganizations(db, user, scope),
    title: t("organizations.metaTitle"),
  };
}

export const handle = { i18n: ["auth"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export default function Organizations() {
  const { organizations } = useLoaderData<typeof loader>();
  const { t } = useTranslation("auth");
  return (
    <>
      <PageHeader title={t("organizations.title")} />
      <ul className="card-list">
        {organizations.map((o) => (
          <li key={o.id}>
            <Link className="card card-link" to={`/organizations/${o.id}`}>
              <strong translate="no">{o.name}</strong>
              <span className="muted">
                {isOrgKind(o.kind) ? t(`orgKinds.${o.kind}`) : o.kind} ·{" "}
                {t("organizations.accounts", { count: o._count.users })}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
