import type { LoaderFunctionArgs } from "@remix-run/node";
import { closingPdfResponse } from "~/modules/ladder/closing-routes.server";

/** Ladder step 4 (decision 0034): the filing PDF once the 竣工验收 has passed. */
export const loader = ({ request, params }: LoaderFunctionArgs) =>
  closingPdfResponse(request, params.compoundId ?? "", "filing");
