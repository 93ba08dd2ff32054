import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/infra/db.server";
import { scopeFor } from "~/modules/auth/permissions";
import { forbidden, notFound, requireUser } from "~/modules/auth/require-user.server";
import { pdfResponse } from "~/modules/report/pdf.server";
import { acceptanceRecordPdf } from "~/modules/report/records-pdf.server";
import { getCompound } from "~/modules/site/queries.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, "report.export");
  const scope = scopeFor(user.role, "acceptance.view") ?? forbidden("acceptance.view");
  const compound = await getCompound(db(), params.compoundId ?? "", user, scope);
  if (!compound) notFound("compound");
  const pdf = await acceptanceRecordPdf(db(), compound.id);
  if (!pdf) notFound("acceptance");
  return pdfResponse(pdf, `单位工程质量竣工验收记录-${compound.name}.pdf`);
}
