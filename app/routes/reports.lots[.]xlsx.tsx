import type { LoaderFunctionArgs } from "@remix-run/node";
import { isDomainError, refusalResponse } from "~/infra/domain-error";
import { parseQuery } from "~/infra/forms";
import { requestLanguage } from "~/modules/auth/language.server";
import { scopeFor } from "~/modules/auth/permissions";
import { forbidden, requireUser } from "~/modules/auth/require-user.server";
import { fixedT } from "~/modules/i18n/i18n.server";
import { LotFilterSchema } from "~/modules/lot/list.server";
import { xlsxResponse } from "~/modules/report/excel.server";
import { lotListXlsx } from "~/modules/report/registers.server";

/** The lot list as Excel, headers in the reader's language. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, db } = await requireUser(request, "report.export");
  const scope = scopeFor(user.role, "lot.view") ?? forbidden("lot.view");
  const filter = parseQuery(LotFilterSchema, request);
  const lng = await requestLanguage(request);
  const t = fixedT(lng);
  try {
    const file = await lotListXlsx(db, user, scope, filter, lng);
    return xlsxResponse(file, `${t("lotRegister.title", { ns: "defect" })}.xlsx`);
  } catch (error) {
    if (isDomainError(error)) return refusalResponse(error, t);
    throw error;
  }
}
