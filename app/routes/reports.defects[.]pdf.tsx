import type { LoaderFunctionArgs } from "@remix-run/node";
import { registerExport } from "~/modules/auth/list-loader.server";
import { FilterSchema } from "~/modules/defect/forms";
import { pdfResponse } from "~/modules/report/pdf.server";
import { defectRegisterPdf } from "~/modules/report/registers.server";

/** The defect register as a PDF in the reader's language. */
export async function loader({ request }: LoaderFunctionArgs) {
  return registerExport(request, "defect.view", FilterSchema, async (c) => {
    const pdf = await defectRegisterPdf(c.db, c.user, c.scope, c.filter, undefined, c.lng);
    return pdfResponse(pdf, `${c.t("register.file", { ns: "defect" })}.pdf`);
  });
}
