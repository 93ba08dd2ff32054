import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/infra/db.server";
import { parseQuery } from "~/infra/forms";
import { scopeFor } from "~/modules/auth/permissions";
import { forbidden, requireUser } from "~/modules/auth/require-user.server";
import { FilterSchema } from "~/modules/defect/forms";
import { xlsxResponse } from "~/modules/report/excel.server";
import { defectRegisterXlsx } from "~/modules/report/registers.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, "report.export");
  const scope = scopeFor(user.role, "defect.view") ?? forbidden("defect.view");
  const filter = parseQuery(FilterSchema, request);
  const file = await defectRegisterXlsx(db(), user, scope, filter);
  return xlsxResponse(file, "质量问题台账.xlsx");
}
