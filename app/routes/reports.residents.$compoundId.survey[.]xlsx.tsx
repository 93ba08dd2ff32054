import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/infra/db.server";
import { scopeFor } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { xlsxResponse } from "~/modules/report/excel.server";
import { visibleCompound } from "~/modules/residents/access.server";
import { surveyXlsx } from "~/modules/residents/survey.server";

/** The 登记台账 as Excel; names and phones only for the community and the bureau. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "survey.view");
  const compound = await visibleCompound(db(), user, scope, params.compoundId ?? "");
  if (!compound) notFound("compound");
  const personal = scopeFor(user.role, "survey.personal") !== null;
  const file = await surveyXlsx(db(), compound, personal);
  return xlsxResponse(file, `${compound.name}登记台账.xlsx`);
}
