import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BudgetTable, ContractsTable, OverTime } from "~/components/fund/overview";
import { PageHeader } from "~/components/page-header";
import { namespaceT, requestLanguage } from "~/modules/auth/language.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { fundsPage } from "~/modules/fund/pages.server";
import fundStyles from "~/styles/funds.css?url";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["fund"] };
export const links = () => [{ rel: "stylesheet", href: fundStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "fund.view");
  const t = namespaceT(await requestLanguage(request), "fund");
  return { ...(await fundsPage(db, user, scope)), title: t("meta.index") };
}

export default function FundsPage() {
  const { contracts, budget, overTime, canAudit } = useLoaderData<typeof loader>();
  const { t } = useTranslation("fund");
  return (
    <>
      <PageHeader
        title={t("index.title")}
        subtitle={t("index.subtitle")}
        actions={
          canAudit ? (
            <Link className="button button-primary" to="/funds/variance">
              {t("index.varianceLink")}
            </Link>
          ) : null
        }
      />
      <h2>{t("index.contracts")}</h2>
      <ContractsTable contracts={contracts} />
      {budget ? (
        <>
          <h2>{t("index.budgetTitle")}</h2>
          <BudgetTable budget={budget} />
          <h2>{t("index.overTimeTitle")}</h2>
          <OverTime months={overTime} />
        </>
      ) : null}
    </>
  );
}
