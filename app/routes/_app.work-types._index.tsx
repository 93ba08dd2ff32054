import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataName } from "~/components/checklist/data-text";
import { PageHeader } from "~/components/page-header";
import { requireUser } from "~/modules/auth/require-user.server";
import { listWorkTypes } from "~/modules/checklist/queries.server";
import { requestChecklistT } from "~/modules/checklist/words.server";

export const handle = { i18n: ["checklist"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { db } = await requireUser(request, "workType.view");
  const { t } = await requestChecklistT(request);
  return {
    title: t("library.pageTitle"),
    workTypes: await listWorkTypes(db),
  };
}

export default function WorkTypes() {
  const { workTypes } = useLoaderData<typeof loader>();
  const { t } = useTranslation("checklist");
  return (
    <>
      <PageHeader
        title={t("library.title")}
        subtitle={t("library.subtitle", { count: workTypes.length })}
      />
      <ul className="card-grid">
        {workTypes.map((wt) => (
          <li key={wt.code}>
            <Link className="card card-link" to={`/work-types/${wt.code}`}>
              <strong className="card-title">
                <DataName zh={wt.nameZh} en={wt.nameEn} />
              </strong>
              <span>
                {t("library.counts", {
                  main: wt.mainCount,
                  general: wt.generalCount,
                  version: wt.currentVersion ?? 0,
                })}
              </span>
              <span className="muted">
                {t(`places.${wt.placeKind as "zone"}`)}
                {wt.zoneKinds.length > 0
                  ? t("library.zoneKinds", {
                      kinds: wt.zoneKinds
                        .map((k) => t(`places.zoneKinds.${k as "road"}`, { defaultValue: k }))
                        .join(t("library.listSeparator")),
                    })
                  : ""}{" "}
                · <span translate="no">{wt.standards[0]}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
