import type { LoaderFunctionArgs } from "@remix-run/node";
import { registerExport } from "~/modules/auth/list-loader.server";
import { LotFilterSchema } from "~/modules/lot/list.server";
import { xlsxResponse } from "~/modules/report/excel.server";
import { lotListXlsx } from "~/modules/report/registers.server";

/** The lot list as Excel, headers in the reader's language. */
export async function loader({ request }: LoaderFunctionArgs) {
  return registerExport(request, "lot.view", LotFilterSchema, async (c) => {
    const file = await lotListXlsx(c.db, c.user, c.scope, c.filter, c.lng);
    return xlsxResponse(file, `${c.t("lotRegister.title", { ns: "defect" })}.xlsx`);
  });
}
