import type { LoaderFunctionArgs } from "@remix-run/node";
import type { AnyT } from "~/modules/acceptance/words";
import { requestT } from "~/modules/auth/language.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { divisionRecordPdf } from "~/modules/division/pdf.server";
import { pdfResponse } from "~/modules/report/pdf.server";
import { getCompound } from "~/modules/site/queries.server";

/** 附录G 分部工程质量验收记录 of one 分部, for whoever may see the compound. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "compound.view");
  const compound = await getCompound(db, params.compoundId ?? "", user, scope);
  if (!compound) notFound("compound");
  const record = await divisionRecordPdf(db, compound.id, params.division ?? "");
  if (!record) notFound();
  const t: AnyT = await requestT(request);
  return pdfResponse(record.pdf, t("division:pdf.divisionFile", { name: record.name }));
}
