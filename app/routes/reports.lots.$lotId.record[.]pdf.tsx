import type { LoaderFunctionArgs } from "@remix-run/node";
import { scopeFor } from "~/modules/auth/permissions";
import { forbidden, notFound, requireUser } from "~/modules/auth/require-user.server";
import { lotRecordPdfInput } from "~/modules/lot/record-page.server";
import { pdfResponse } from "~/modules/report/pdf.server";
import { lotRecordPdf } from "~/modules/report/records-pdf.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db } = await requireUser(request, "report.export");
  const scope = scopeFor(user.role, "lot.view") ?? forbidden("lot.view");
  const input = await lotRecordPdfInput(db, user, scope, params.lotId ?? "");
  if (!input) notFound("lot");
  const { detail, signature, photos, extras } = input;
  return pdfResponse(
    await lotRecordPdf(detail, signature, photos, extras),
    `检验批质量验收记录-${detail.lot.number}.pdf`,
  );
}
