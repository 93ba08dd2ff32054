import { DomainError, refusalResponse } from "~/infra/domain-error";
import type { AnyT } from "~/modules/acceptance/words";
import { requestT } from "~/modules/auth/language.server";
import { scopeFor } from "~/modules/auth/permissions";
import { forbidden, notFound, requireUser } from "~/modules/auth/require-user.server";
import { pdfResponse } from "~/modules/report/pdf.server";
import { getCompound } from "~/modules/site/queries.server";
import { completionReportPdf, filingFormPdf, warrantyPdf } from "./closing-pdf.server";

const MAKERS = { report: completionReportPdf, filing: filingFormPdf, warranty: warrantyPdf };

/**
 * The fourth step's PDF downloads (竣工验收报告, 备案表, 质量保修书) for whoever may read the
 * compound's acceptance; 404 with the reason before the session passed (or before the 备案).
 */
export async function closingPdfResponse(
  request: Request,
  compoundId: string,
  kind: keyof typeof MAKERS,
) {
  const { user, db } = await requireUser(request, "report.export");
  const scope = scopeFor(user.role, "acceptance.view") ?? forbidden("acceptance.view");
  const compound = await getCompound(db, compoundId, user, scope);
  if (!compound) notFound("compound");
  const t = await requestT(request);
  const w: AnyT = t;
  const pdf = await MAKERS[kind](db, compound.id);
  if (!pdf) {
    const code = kind === "filing" ? "ladder:errors.notFiled" : "ladder:errors.notAccepted";
    return refusalResponse(new DomainError(code, { status: 404 }), t);
  }
  return pdfResponse(pdf, w(`ladder:closing.file.${kind}`, { compound: compound.name }));
}
