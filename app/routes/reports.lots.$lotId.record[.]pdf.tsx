import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/infra/db.server";
import { scopeFor } from "~/modules/auth/permissions";
import { forbidden, notFound, requireUser } from "~/modules/auth/require-user.server";
import { getLot, signatureStatus } from "~/modules/lot/lots.server";
import { lotRecordExtras } from "~/modules/lot/record-extras.server";
import { pdfResponse } from "~/modules/report/pdf.server";
import { lotPhotosForPdf } from "~/modules/report/photo-thumbs.server";
import { lotRecordPdf } from "~/modules/report/records-pdf.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, "report.export");
  const scope = scopeFor(user.role, "lot.view") ?? forbidden("lot.view");
  const detail = await getLot(db(), params.lotId ?? "", user, scope);
  if (!detail) notFound("lot");
  const [signature, photos, extras] = await Promise.all([
    signatureStatus(db(), detail),
    lotPhotosForPdf(db(), detail.lot.id),
    lotRecordExtras(db(), detail),
  ]);
  return pdfResponse(
    await lotRecordPdf(detail, signature, photos, extras),
    `检验批质量验收记录-${detail.lot.number}.pdf`,
  );
}
