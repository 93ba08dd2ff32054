import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { ORG_KIND_LABELS } from "~/modules/org/labels";
import { listOrganizations } from "~/modules/org/queries.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "organization.view");
  return { organizations: await listOrganizations(db(), user, scope) };
}

export default function Organizations() {
  const { organizations } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="参建单位" />
      <ul className="card-list">
        {organizations.map((o) => (
          <li key={o.id}>
            <Link className="card card-link" to={`/organizations/${o.id}`}>
              <strong>{o.name}</strong>
              <span className="muted">
                {ORG_KIND_LABELS[o.kind] ?? o.kind} · {o._count.users} 个账号
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
