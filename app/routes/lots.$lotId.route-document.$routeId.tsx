import type { LoaderFunctionArgs } from "@remix-run/node";
import { isDomainError, refusalResponse } from "~/infra/domain-error";
import { requestT } from "~/modules/auth/language.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { routeDocument } from "~/modules/lot/acceptance-route.server";

/** A §5.0.6 route's document (test report, recalculation), for whoever may see the lot. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "lot.view");
  try {
    return await routeDocument(db, user, scope, params.lotId ?? "", params.routeId ?? "");
  } catch (error) {
    if (isDomainError(error)) return refusalResponse(error, await requestT(request));
    throw error;
  }
}
