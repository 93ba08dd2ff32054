import type { LoaderFunctionArgs } from "@remix-run/node";
import { requestTranslators } from "~/modules/auth/language.server";
import { scopeFor } from "~/modules/auth/permissions";
import { forbidden, requireUser } from "~/modules/auth/require-user.server";
import { varianceXlsx } from "~/modules/fund/reports.server";
import { xlsxResponse } from "~/modules/report/excel.server";

// A resource route (a file, no UI): no ErrorBoundary.
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, db } = await requireUser(request, "report.export");
  if (scopeFor(user.role, "fund.audit") === null) forbidden("fund.audit");
  const { t } = await requestTranslators(request, "fund");
  return xlsxResponse(await varianceXlsx(db, t), t("xlsx.fileName"));
}
