import type { LoaderFunctionArgs } from "@remix-run/node";
import type { AnyT } from "~/modules/acceptance/words";
import { requestT } from "~/modules/auth/language.server";
import { scopeFor } from "~/modules/auth/permissions";
import { forbidden, notFound, requireUser } from "~/modules/auth/require-user.server";
import { pdfResponse } from "~/modules/report/pdf.server";
import { acceptanceRecordPdf } from "~/modules/report/records-pdf.server";
import { getCompound } from "~/modules/site/queries.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db } = await requireUser(request, "report.export");
  const scope = scopeFor(user.role, "acceptance.view") ?? forbidden("acceptance.view");
  const compound = await getCompound(db, params.compoundId ?? "", user, scope);
  if (!compound) notFound("compound");
  const t: AnyT = await requestT(request);
  // The record's words follow the reader once the PDF builder takes `t` (report module).
  const pdf = await acceptanceRecordPdf(db, compound.id);
  if (!pdf) notFound("acceptance");
  return pdfResponse(pdf, t("acceptance:page.pdfFileName", { compound: compound.name }));
}
