import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FundStats } from "~/components/fund/gaps";
import { VarianceTable } from "~/components/fund/variance";
import { PageHeader } from "~/components/page-header";
import { requestTranslators } from "~/modules/auth/language.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { variancePage } from "~/modules/fund/pages.server";
import fundStyles from "~/styles/funds.css?url";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["fund"] };
export const links = () => [{ rel: "stylesheet", href: fundStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, db } = await requireUser(request, "fund.audit");
  const { t } = await requestTranslators(request, "fund");
  return { ...(await variancePage(db, user)), title: t("meta.variance") };
}

export default function VariancePage() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("fund");
  return (
    <>
      <PageHeader
        title={t("variance.title")}
        crumbs={[{ to: "/funds", label: t("crumb") }]}
        subtitle={t("variance.subtitle")}
        actions={
          <>
            {d.canExport ? (
              <a className="button button-primary" href="/funds/variance.xlsx" download>
                {t("variance.export")}
              </a>
            ) : null}
            {d.canVerify ? (
              <Link className="button" to="/audit">
                {t("variance.verify")}
              </Link>
            ) : null}
          </>
        }
      />
      <FundStats
        items={[
          { label: t("variance.stat.contract"), value: d.totals.contract },
          { label: t("variance.stat.accepted"), value: d.totals.accepted },
          { label: t("variance.stat.certified"), value: d.totals.certified },
          { label: t("variance.stat.paid"), value: d.totals.paid },
        ]}
      />
      <VarianceTable rows={d.rows} />
    </>
  );
}
