import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { registerExportRequest } from "~/modules/auth/list-loader.server";
import { requestExport } from "~/modules/report/exports.server";

/**
 * A register page's export button: a small export downloads directly (one tap, as before); a
 * large one is built by a background job and its page shows it (decision 0038).
 */
export async function action({ request }: ActionFunctionArgs) {
  const c = await registerExportRequest(request);
  const out = await requestExport(c.db, c.user, c.scope, {
    kind: c.kind,
    query: c.query,
    lng: c.lng,
  });
  return redirect(out.kind === "direct" ? out.url : `/exports/${out.exportId}`);
}
