import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/page-header";
import { requireUser } from "~/modules/auth/require-user.server";
import { residentsHubPage } from "~/modules/residents/hub.server";
import { residentsT } from "~/modules/residents/i18n.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["residents"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "residents.view");
  const { t } = await residentsT(request);
  return { ...(await residentsHubPage(db, user, scope)), title: t("hub.title") };
}

export default function ResidentsHub() {
  const { compounds, may } = useLoaderData<typeof loader>();
  const { t } = useTranslation("residents");
  return (
    <>
      <PageHeader title={t("hub.title")} subtitle={t("hub.subtitle")} />
      {compounds.length === 0 ? <p className="empty">{t("hub.empty")}</p> : null}
      <ul className="card-list">
        {compounds.map((c) => (
          <li key={c.id} className="card residents-card">
            <strong>
              <span translate="no">{c.name}</span>
              {t("hub.code", { code: c.code })}
            </strong>
            <span className="muted">
              {t("hub.households", { count: c.households })} ·{" "}
              {c.managed ? t("hub.managed") : t("hub.inWorks")}
            </span>
            <div className="residents-links">
              {may.survey ? (
                <Link className="button" to={`/residents/${c.id}/survey`}>
                  {t("hub.survey", { count: c.surveyed })}
                </Link>
              ) : null}
              {may.reviews ? (
                <Link className="button" to={`/residents/${c.id}/reviews`}>
                  {t("hub.reviews", { count: c.reviews })}
                </Link>
              ) : null}
              {may.warranty ? (
                <Link className="button" to={`/residents/${c.id}/warranty`}>
                  {t("hub.warranty", { count: c.openWarranty })}
                </Link>
              ) : null}
              {may.illegal ? (
                <Link className="button" to={`/residents/${c.id}/illegal`}>
                  {t("hub.illegal", { count: c.openIllegal })}
                </Link>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
