import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/page-header";
import { requestTranslators } from "~/modules/auth/language.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { useFormat } from "~/modules/i18n/use-format";
import { formatYuan } from "~/modules/site/labels";
import { projectsPage } from "~/modules/site/place-pages.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["site"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { db } = await requireUser(request, "project.view");
  const { t } = await requestTranslators(request, "site");
  return { title: t("projects.title"), ...(await projectsPage(db)) };
}

export default function Projects() {
  const { projects } = useLoaderData<typeof loader>();
  const { t } = useTranslation("site");
  const { lng } = useFormat();
  return (
    <>
      <PageHeader title={t("projects.heading")} />
      <ul className="card-list">
        {projects.map((p) => (
          <li key={p.id}>
            <Link className="card card-link" to={`/projects/${p.id}`}>
              <strong translate="no">{p.name}</strong>
              <span className="muted">
                <bdi translate="no">{p.county}</bdi> · {formatYuan(p.budgetYuan, lng)} ·{" "}
                {t("projects.households", { count: p.households })}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
