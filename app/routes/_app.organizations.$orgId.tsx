import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { isRole, ROLE_LABELS } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { ORG_KIND_LABELS } from "~/modules/org/labels";
import { getOrganization } from "~/modules/org/queries.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "organization.view");
  const organization = await getOrganization(db(), params.orgId ?? "", user, scope);
  if (!organization) notFound("organization");
  return { organization };
}

export default function OrganizationPage() {
  const { organization: o } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={o.name}
        crumbs={[{ to: "/organizations", label: "单位" }]}
        subtitle={ORG_KIND_LABELS[o.kind] ?? o.kind}
      />
      {o.contracts.length > 0 ? (
        <>
          <h2>承建标段</h2>
          <ul className="card-list">
            {o.contracts.map((c) => (
              <li key={c.name}>
                <Link className="card card-link" to={`/compounds/${c.compound.id}`}>
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {o.streetCompounds.length > 0 ? (
        <>
          <h2>辖区小区</h2>
          <ul className="card-list">
            {o.streetCompounds.map((c) => (
              <li key={c.id}>
                <Link className="card card-link" to={`/compounds/${c.id}`}>
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>人员</h2>
      <table className="table">
        <thead>
          <tr>
            <th>姓名</th>
            <th>职务</th>
            <th>角色</th>
            <th>用户名</th>
          </tr>
        </thead>
        <tbody>
          {o.users.map((u) => (
            <tr key={u.id}>
              <td>{u.displayName}</td>
              <td>{u.title}</td>
              <td>{isRole(u.role) ? ROLE_LABELS[u.role] : u.role}</td>
              <td>{u.username}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
