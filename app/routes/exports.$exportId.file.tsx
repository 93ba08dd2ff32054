import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { exportStorage } from "~/modules/report/export-store.server";
import { exportFile } from "~/modules/report/exports.server";

/** A ready export's file, to its requester only (anyone else: 404, whatever the id). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db } = await requireUser(request, "report.export");
  const file = await exportFile(db, exportStorage(), user, params.exportId ?? "");
  if (!file) notFound();
  return new Response(file.stream, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.size),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
