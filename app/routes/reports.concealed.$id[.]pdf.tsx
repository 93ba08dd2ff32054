import type { LoaderFunctionArgs } from "@remix-run/node";
import type { AnyT } from "~/modules/acceptance/words";
import { requestT } from "~/modules/auth/language.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { recordPage } from "~/modules/concealed/page.server";
import { concealedPdf } from "~/modules/concealed/pdf.server";
import { pdfResponse } from "~/modules/report/pdf.server";

/** The printable 隐蔽工程验收记录 of one record the viewer may see. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "lot.view");
  const page = await recordPage(db, user, scope, params.id ?? "");
  if (!page) notFound("page");
  const t: AnyT = await requestT(request);
  const name = `${t("concealed:pdf.title")}-${page.record.placeLabel}.pdf`;
  return pdfResponse(await concealedPdf(db, page), name);
}
