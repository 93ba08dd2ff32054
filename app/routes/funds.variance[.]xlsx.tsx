import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/infra/db.server";
import { scopeFor } from "~/modules/auth/permissions";
import { forbidden, requireUser } from "~/modules/auth/require-user.server";
import { varianceXlsx } from "~/modules/fund/reports.server";
import { xlsxResponse } from "~/modules/report/excel.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, "report.export");
  if (scopeFor(user.role, "fund.audit") === null) forbidden("fund.audit");
  return xlsxResponse(await varianceXlsx(db()), "资金监管差异报表.xlsx");
}
