import type { LoaderFunctionArgs } from "@remix-run/node";
import { DomainError, refusalResponse } from "~/infra/domain-error";
import type { AnyT } from "~/modules/acceptance/words";
import { requestT } from "~/modules/auth/language.server";
import { scopeFor } from "~/modules/auth/permissions";
import { forbidden, notFound, requireUser } from "~/modules/auth/require-user.server";
import { assessmentReportPdf } from "~/modules/ladder/assessment-pdf.server";
import { pdfResponse } from "~/modules/report/pdf.server";
import { getCompound } from "~/modules/site/queries.server";

/** The 工程质量评估报告 (GB 50300 §6.0.5), once the 竣工预验收 has passed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db } = await requireUser(request, "report.export");
  const scope = scopeFor(user.role, "acceptance.view") ?? forbidden("acceptance.view");
  const compound = await getCompound(db, params.compoundId ?? "", user, scope);
  if (!compound) notFound("compound");
  const t = await requestT(request);
  const w: AnyT = t;
  const pdf = await assessmentReportPdf(db, compound.id);
  if (!pdf) return refusalResponse(new DomainError("ladder:errors.notPassed", { status: 404 }), t);
  return pdfResponse(pdf, w("ladder:pdf.fileName", { compound: compound.name }));
}
