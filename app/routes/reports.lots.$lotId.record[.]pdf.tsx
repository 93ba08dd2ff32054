import type { LoaderFunctionArgs } from "@remix-run/node";
import { requestT } from "~/modules/auth/language.server";
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
  const t = await requestT(request);
  return pdfResponse(
    await lotRecordPdf(detail, signature, photos, extras),
    t("record.fileName", { ns: "lot", number: detail.lot.number }),
  );
}
