import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { findEvidenceFile } from "~/modules/evidence/documents.server";
import { documentResponse } from "~/modules/files/document-store.server";

/** A quality-control document's file, only for whoever may see its compound. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "lot.view");
  const doc = await findEvidenceFile(db, user, scope, params.documentId ?? "");
  const response = doc && (await documentResponse("evidence", { ...doc, name: doc.fileName }));
  if (!response) notFound("page");
  return response;
}
