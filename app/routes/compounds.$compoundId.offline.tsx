import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { offlinePackage } from "~/modules/offline/package.server";

/** 离线准备: the pages and drawing previews a tablet keeps to work on this compound offline. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "compound.view");
  const found = await offlinePackage(db, user, scope, params.compoundId ?? "");
  if (!found) notFound("compound");
  return Response.json(found, { headers: { "Cache-Control": "private, no-store" } });
}
