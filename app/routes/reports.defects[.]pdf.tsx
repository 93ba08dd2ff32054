import type { LoaderFunctionArgs } from "@remix-run/node";
import { isDomainError, refusalResponse } from "~/infra/domain-error";
import { parseQuery } from "~/infra/forms";
import { requestLanguage } from "~/modules/auth/language.server";
import { scopeFor } from "~/modules/auth/permissions";
import { forbidden, requireUser } from "~/modules/auth/require-user.server";
import { FilterSchema } from "~/modules/defect/forms";
import { fixedT } from "~/modules/i18n/i18n.server";
import { pdfResponse } from "~/modules/report/pdf.server";
import { defectRegisterPdf } from "~/modules/report/registers.server";

/** The defect register as a PDF in the reader's language. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, db } = await requireUser(request, "report.export");
  const scope = scopeFor(user.role, "defect.view") ?? forbidden("defect.view");
  const filter = parseQuery(FilterSchema, request);
  const lng = await requestLanguage(request);
  const t = fixedT(lng);
  try {
    const pdf = await defectRegisterPdf(db, user, scope, filter, undefined, lng);
    return pdfResponse(pdf, `${t("register.file", { ns: "defect" })}.pdf`);
  } catch (error) {
    if (isDomainError(error)) return refusalResponse(error, t);
    throw error;
  }
}
