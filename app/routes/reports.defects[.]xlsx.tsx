import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/infra/db.server";
import { scopeFor } from "~/modules/auth/permissions";
import { forbidden, requireUser } from "~/modules/auth/require-user.server";
import { FilterSchema } from "~/modules/defect/forms";
import { xlsxResponse } from "~/modules/report/excel.server";
import { defectRegisterXlsx } from "~/modules/report/registers.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, "report.export");
  const scope = scopeFor(user.role, "defect.view") ?? forbidden("defect.view");
  const filter = FilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const file = await defectRegisterXlsx(db(), user, scope, filter);
  return xlsxResponse(file, "质量问题台账.xlsx");
}
