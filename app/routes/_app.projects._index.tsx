import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { formatYuan } from "~/modules/site/labels";
import { listProjects } from "~/modules/site/queries.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "project.view");
  return { projects: await listProjects(db()) };
}

export default function Projects() {
  const { projects } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="改造项目" />
      <ul className="card-list">
        {projects.map((p) => (
          <li key={p.id}>
            <Link className="card card-link" to={`/projects/${p.id}`}>
              <strong>{p.name}</strong>
              <span className="muted">
                {p.county} · {formatYuan(p.budgetYuan)} · {p.households.toLocaleString("zh-CN")} 户
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
