import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/page-header";
import { compoundCrumbs } from "~/components/site/place-crumbs";
import { Data, Worded } from "~/components/worded";
import { WorkTypeLinks } from "~/components/work-type-links";
import { placePageData } from "~/modules/site/place-loader.server";
import { buildingPage } from "~/modules/site/place-pages.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["site", "checklist", "lot"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return placePageData(request, "building", params.buildingId, buildingPage);
}

export default function BuildingPage() {
  const { building, work } = useLoaderData<typeof loader>();
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
        crumbs={compoundCrumbs(compound)}
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
      {work.workTypes.length > 0 ? (
        <>
          <h2>{t("building.workTypes")}</h2>
          <WorkTypeLinks {...work} />
        </>
      ) : null}
    </>
  );
}
