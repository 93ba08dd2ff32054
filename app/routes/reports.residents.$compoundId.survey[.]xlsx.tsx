import type { LoaderFunctionArgs } from "@remix-run/node";
import { scopeFor } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { xlsxResponse } from "~/modules/report/excel.server";
import { visibleCompound } from "~/modules/residents/access.server";
import { residentsT } from "~/modules/residents/i18n.server";
import { surveyXlsx } from "~/modules/residents/survey-sheet.server";

/** The 登记台账 as Excel in the reader's language; names and phones only for community and bureau. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "survey.view");
  const compound = await visibleCompound(db, user, scope, params.compoundId ?? "");
  if (!compound) notFound("compound");
  const { t } = await residentsT(request);
  const personal = scopeFor(user.role, "survey.personal") !== null;
  const file = await surveyXlsx(db, compound, personal, t);
  return xlsxResponse(file, t("survey.sheet.file", { compound: compound.name }));
}
