import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/infra/db.server";
import { parseQuery } from "~/infra/forms";
import { scopeFor } from "~/modules/auth/permissions";
import { forbidden, requireUser } from "~/modules/auth/require-user.server";
import { FilterSchema } from "~/modules/defect/forms";
import { pdfResponse } from "~/modules/report/pdf.server";
import { defectRegisterPdf } from "~/modules/report/registers.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, "report.export");
  const scope = scopeFor(user.role, "defect.view") ?? forbidden("defect.view");
  const filter = parseQuery(FilterSchema, request);
  return pdfResponse(await defectRegisterPdf(db(), user, scope, filter), "质量问题台账.pdf");
}
