import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/page-header";
import { Data, Worded } from "~/components/worded";
import { WorkTypeLinks } from "~/components/work-type-links";
import { requestTranslators } from "~/modules/auth/language.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { buildingPage } from "~/modules/site/place-pages.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["site", "checklist", "lot"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "compound.view");
  const page = await buildingPage(db, user, scope, params.buildingId ?? "");
  if (!page) notFound("building");
  const { t } = await requestTranslators(request, "site");
  return { title: t("building.title"), ...page };
}

export default function BuildingPage() {
  const { building, workTypes, lots, newLotQuery } = useLoaderData<typeof loader>();
  const { t } = useTranslation("site");
  const { compound } = building;
  return (
    <>
      <PageHeader
        title={
          <Data>
            {compound.name} {building.name}
          </Data>
        }
        crumbs={[
          { to: `/projects/${compound.project.id}`, label: compound.project.name, data: true },
          { to: `/compounds/${compound.id}`, label: compound.name, data: true },
        ]}
        subtitle={
          <Worded
            ns="site"
            k="building.subtitle"
            values={{
              floors: building.floors,
              structure: building.structure ?? "",
              year: building.builtYear ?? "",
            }}
          />
        }
      />
      <h2>{t("building.stairwells")}</h2>
      <ul className="card-grid">
        {building.stairwells.map((s) => (
          <li key={s.id}>
            <Link className="card card-link" to={`/stairwells/${s.id}`}>
              <strong className="card-title" translate="no">
                {s.name}
              </strong>
              <span className="muted">
                {t("building.stairwellFacts", { floors: s.floors, households: s.households })}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {workTypes.length > 0 ? (
        <>
          <h2>{t("building.workTypes")}</h2>
          <WorkTypeLinks workTypes={workTypes} lots={lots} newLotQuery={newLotQuery} />
        </>
      ) : null}
    </>
  );
}
