import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/page-header";
import { Data, Worded } from "~/components/worded";
import { requestTranslators } from "~/modules/auth/language.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { useFormat } from "~/modules/i18n/use-format";
import { formatYuan } from "~/modules/site/labels";
import { projectPage } from "~/modules/site/place-pages.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["site"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db } = await requireUser(request, "project.view");
  const page = await projectPage(db, user, params.projectId ?? "");
  if (!page) notFound("project");
  const { t } = await requestTranslators(request, "site");
  return { title: t("project.title", { project: page.project.name }), ...page };
}

export default function ProjectOverview() {
  const { project } = useLoaderData<typeof loader>();
  const { t } = useTranslation("site");
  const format = useFormat();
  return (
    <>
      <PageHeader
        title={<Data>{project.name}</Data>}
        crumbs={[{ to: "/projects", label: t("things.projects") }]}
        subtitle={
          <Worded
            ns="site"
            k="project.subtitle"
            values={{ county: project.county, owner: project.owner?.name ?? "—" }}
          />
        }
      />
      <section className="stats">
        <div className="stat">
          <span className="stat-label">{t("project.budget")}</span>
          <span className="stat-value">{formatYuan(project.budgetYuan, format.lng)}</span>
        </div>
        <div className="stat">
          <span className="stat-label">{t("project.households")}</span>
          <span className="stat-value">
            {t("projects.households", { count: project.households })}
          </span>
        </div>
        <div className="stat">
          <span className="stat-label">{t("project.compounds")}</span>
          <span className="stat-value">
            {t("project.compoundCount", { count: project.compounds.length })}
          </span>
        </div>
      </section>
      {project.description ? <p translate="no">{project.description}</p> : null}

      <h2>{t("project.phases")}</h2>
      <ol className="phases">
        {project.phases.map((p) => (
          <li key={p.seq} className="phase">
            <strong translate="no">{p.name}</strong>
            <span className="muted">
              {t("dashboard.period", {
                from: format.date(p.startsOn),
                to: p.endsOn ? format.date(p.endsOn) : t("dates.ongoing"),
              })}
            </span>
            <span className="badge">{t(`phaseState.${p.state}`)}</span>
          </li>
        ))}
      </ol>

      <h2>{t("project.compounds")}</h2>
      {project.compounds.length === 0 ? (
        <p className="empty">{t("project.noCompounds")}</p>
      ) : (
        <ul className="card-grid">
          {project.compounds.map((c) => (
            <li key={c.id}>
              <Link className="card card-link" to={`/compounds/${c.id}`}>
                <strong className="card-title" translate="no">
                  {c.name}
                </strong>
                <span className="muted" translate="no">
                  {c.address}
                </span>
                <span>
                  {t("project.compoundFacts", {
                    households: c.households,
                    buildings: c._count.buildings,
                    zones: c._count.zones,
                  })}
                </span>
                <span className="muted" translate="no">
                  {c.streetOffice?.shortName ?? ""}
                  {c.contracts
                    .map(
                      (k) =>
                        ` · ${t("project.contract", { name: k.name, contractor: k.contractor.shortName })}`,
                    )
                    .join("")}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
