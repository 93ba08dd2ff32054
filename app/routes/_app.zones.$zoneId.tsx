import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/page-header";
import { compoundCrumbs } from "~/components/site/place-crumbs";
import { Data, Worded } from "~/components/worded";
import { WorkTypeLinks } from "~/components/work-type-links";
import { zoneKindText } from "~/modules/site/labels";
import { placePageData } from "~/modules/site/place-loader.server";
import { zonePage } from "~/modules/site/place-pages.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["site", "checklist", "lot"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return placePageData(request, "zone", params.zoneId, zonePage);
}

export default function ZonePage() {
  const { zone, work } = useLoaderData<typeof loader>();
  const { t } = useTranslation("site");
  const { compound } = zone;
  return (
    <>
      <PageHeader
        title={<Data>{zone.name}</Data>}
        crumbs={compoundCrumbs(compound)}
        subtitle={
          <Worded
            ns="site"
            k="zone.subtitle"
            values={{ kind: zoneKindText(t, zone.kind), description: zone.description }}
          />
        }
      />
      <h2>{t("zone.workTypes")}</h2>
      <WorkTypeLinks {...work} />
    </>
  );
}
