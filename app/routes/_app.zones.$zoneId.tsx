import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/page-header";
import { Data, Worded } from "~/components/worded";
import { WorkTypeLinks } from "~/components/work-type-links";
import { requestTranslators } from "~/modules/auth/language.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { zoneKindText } from "~/modules/site/labels";
import { zonePage } from "~/modules/site/place-pages.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["site", "checklist", "lot"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "compound.view");
  const page = await zonePage(db, user, scope, params.zoneId ?? "");
  if (!page) notFound("zone");
  const { t } = await requestTranslators(request, "site");
  return { title: t("zone.title"), ...page };
}

export default function ZonePage() {
  const { zone, workTypes, lots, newLotQuery } = useLoaderData<typeof loader>();
  const { t } = useTranslation("site");
  const { compound } = zone;
  return (
    <>
      <PageHeader
        title={<Data>{zone.name}</Data>}
        crumbs={[
          { to: `/projects/${compound.project.id}`, label: compound.project.name, data: true },
          { to: `/compounds/${compound.id}`, label: compound.name, data: true },
        ]}
        subtitle={
          <Worded
            ns="site"
            k="zone.subtitle"
            values={{ kind: zoneKindText(t, zone.kind), description: zone.description }}
          />
        }
      />
      <h2>{t("zone.workTypes")}</h2>
      <WorkTypeLinks workTypes={workTypes} lots={lots} newLotQuery={newLotQuery} />
    </>
  );
}
