import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/page-header";
import { requestTranslators } from "~/modules/auth/language.server";
import { isRole } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { isOrgKind } from "~/modules/org/labels";
import { getOrganization } from "~/modules/org/queries.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "organization.view");
  const organization = await getOrganization(db, params.orgId ?? "", user, scope);
  if (!organization) notFound("organization");
  const { t } = await requestTranslators(request, "auth");
  return { organization, title: t("users.userMetaTitle", { name: organization.name }) };
}

export const handle = { i18n: ["auth"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export default function OrganizationPage() {
  const { organization: o } = useLoaderData<typeof loader>();
  const { t } = useTranslation("auth");
  return (
    <>
      <PageHeader
        title={<span translate="no">{o.name}</span>}
        crumbs={[{ to: "/organizations", label: t("organizations.title") }]}
        subtitle={isOrgKind(o.kind) ? t(`orgKinds.${o.kind}`) : o.kind}
      />
      <CompoundLinks
        title={t("organizations.contracts")}
        links={o.contracts.map((c) => ({ key: c.name, compoundId: c.compound.id, name: c.name }))}
      />
      <CompoundLinks
        title={t("organizations.compounds")}
        links={o.streetCompounds.map((c) => ({ key: c.id, compoundId: c.id, name: c.name }))}
      />
      <h2>{t("organizations.people")}</h2>
      <table className="table">
        <thead>
          <tr>
            <th>{t("users.fields.displayName")}</th>
            <th>{t("users.fields.title")}</th>
            <th>{t("users.role")}</th>
            <th>{t("users.username")}</th>
          </tr>
        </thead>
        <tbody>
          {o.users.map((u) => (
            <tr key={u.id}>
              <td translate="no">{u.displayName}</td>
              <td translate="no">{u.title}</td>
              <td>{isRole(u.role) ? t(`roles.${u.role}`) : u.role}</td>
              <td translate="no">{u.username}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

/** A titled list of links to compounds (an organisation's contracts, or a street's compounds). */
function CompoundLinks({
  title,
  links,
}: {
  title: string;
  links: { key: string; compoundId: string; name: string }[];
}) {
  if (links.length === 0) return null;
  return (
    <>
      <h2>{title}</h2>
      <ul className="card-list">
        {links.map((l) => (
          <li key={l.key}>
            <Link className="card card-link" to={`/compounds/${l.compoundId}`} translate="no">
              {l.name}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
