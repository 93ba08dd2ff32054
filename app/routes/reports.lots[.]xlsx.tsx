import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseQuery } from "~/infra/forms";
import { scopeFor } from "~/modules/auth/permissions";
import { forbidden, requireUser } from "~/modules/auth/require-user.server";
import { LotFilterSchema } from "~/modules/lot/list.server";
import { xlsxResponse } from "~/modules/report/excel.server";
import { lotListXlsx } from "~/modules/report/registers.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, db } = await requireUser(request, "report.export");
  const scope = scopeFor(user.role, "lot.view") ?? forbidden("lot.view");
  const filter = parseQuery(LotFilterSchema, request);
  return xlsxResponse(await lotListXlsx(db, user, scope, filter), "检验批清单.xlsx");
}
