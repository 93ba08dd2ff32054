import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/page-header";
import { Data } from "~/components/worded";
import { WorkTypeLinks } from "~/components/work-type-links";
import { requestTranslators } from "~/modules/auth/language.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { stairwellPage } from "~/modules/site/place-pages.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["site", "checklist", "lot"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "compound.view");
  const page = await stairwellPage(db, user, scope, params.stairwellId ?? "");
  if (!page) notFound("stairwell");
  const { t } = await requestTranslators(request, "site");
  return { title: t("stairwell.title"), ...page };
}

export default function StairwellPage() {
  const { stairwell, workTypes, lots, newLotQuery } = useLoaderData<typeof loader>();
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
          { to: `/projects/${compound.project.id}`, label: compound.project.name, data: true },
          { to: `/compounds/${compound.id}`, label: compound.name, data: true },
          { to: `/buildings/${building.id}`, label: building.name, data: true },
        ]}
        subtitle={t("stairwell.subtitle", {
          floors: stairwell.floors,
          households: stairwell.households,
        })}
      />
      <h2>{t("stairwell.workTypes")}</h2>
      <WorkTypeLinks workTypes={workTypes} lots={lots} newLotQuery={newLotQuery} />
    </>
  );
}
