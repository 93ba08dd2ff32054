import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/page-header";
import { compoundCrumbs } from "~/components/site/place-crumbs";
import { Data } from "~/components/worded";
import { WorkTypeLinks } from "~/components/work-type-links";
import { placePageData } from "~/modules/site/place-loader.server";
import { stairwellPage } from "~/modules/site/place-pages.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["site", "checklist", "lot"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return placePageData(request, "stairwell", params.stairwellId, stairwellPage);
}

export default function StairwellPage() {
  const { stairwell, work } = useLoaderData<typeof loader>();
  const { t } = useTranslation("site");
  const { building } = stairwell;
  const { compound } = building;
  return (
    <>
      <PageHeader
        title={
          <Data>
            {compound.name} {building.name} {stairwell.name}
          </Data>
        }
        crumbs={[
          ...compoundCrumbs(compound),
          { to: `/buildings/${building.id}`, label: building.name, data: true },
        ]}
        subtitle={t("stairwell.subtitle", {
          floors: stairwell.floors,
          households: stairwell.households,
        })}
      />
      <h2>{t("stairwell.workTypes")}</h2>
      <WorkTypeLinks {...work} />
    </>
  );
}
