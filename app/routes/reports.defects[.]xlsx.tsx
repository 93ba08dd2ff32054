import type { LoaderFunctionArgs } from "@remix-run/node";
import { registerExport } from "~/modules/auth/list-loader.server";
import { FilterSchema } from "~/modules/defect/forms";
import { xlsxResponse } from "~/modules/report/excel.server";
import { defectRegisterXlsx } from "~/modules/report/registers.server";

/** The defect register as Excel, headers in the reader's language. */
export async function loader({ request }: LoaderFunctionArgs) {
  return registerExport(request, "defect.view", FilterSchema, async (c) => {
    const file = await defectRegisterXlsx(c.db, c.user, c.scope, c.filter, c.lng);
    return xlsxResponse(file, `${c.t("register.file", { ns: "defect" })}.xlsx`);
  });
}
