import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { findEvidenceFile, MIME } from "~/modules/evidence/documents.server";
import { evidenceKey, evidenceStorage } from "~/modules/evidence/storage.server";

/** A quality-control document's file, only for whoever may see its compound. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "lot.view");
  const doc = await findEvidenceFile(db, user, scope, params.documentId ?? "");
  if (!doc) notFound("page");
  const file = await evidenceStorage().read(evidenceKey(doc.sha256));
  if (!file) notFound("page");
  return new Response(file.stream, {
    status: 200,
    headers: {
      "Content-Type": MIME[doc.format] ?? "application/octet-stream",
      "Content-Length": String(file.size),
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": "inline",
      "Cache-Control": "private, max-age=31536000, immutable",
      ETag: `"${doc.sha256}"`,
    },
  });
}
