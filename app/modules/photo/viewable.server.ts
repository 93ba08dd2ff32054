import { scopeFor } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { findViewablePhoto, photoOwnerKind } from "./photos.server";

/**
 * The photo `photoId` for a signed-in reader who may see the lot or defect it belongs to (the
 * owner in the query's `where`). Signed in first, then the same 404 whether the photo is missing
 * or not the reader's to see: ids and hashes alone open nothing.
 */
export async function requireViewablePhoto(request: Request, photoId: string | undefined) {
  const { user, db } = await requireUser(request, "account.view");
  const id = photoId ?? "";
  const owner = await photoOwnerKind(db, id);
  const scope = owner && scopeFor(user.role, owner === "defect" ? "defect.view" : "lot.view");
  if (!scope) notFound("photo");
  const photo = await findViewablePhoto(db, id, user, scope);
  if (!photo) notFound("photo");
  return { user, db, photo };
}
