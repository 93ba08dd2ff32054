import type { LoaderFunctionArgs } from "@remix-run/node";
import { scopeFor } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { isPhotoVariant, photoFileResponse } from "~/modules/photo/serve.server";
import { visibleIllegal } from "~/modules/residents/illegal.server";
import { residentPhotoOwner } from "~/modules/residents/photos.server";
import { getWarranty } from "~/modules/residents/warranty.server";

/** A warranty or illegal-structure photo, only for whoever may see what it belongs to. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const variant = params.variant;
  if (!isPhotoVariant(variant)) notFound("photo");
  const { user, db } = await requireUser(request, "account.view");
  const owner = await residentPhotoOwner(db, params.photoId ?? "");
  if (!owner) notFound("photo");
  const scope = scopeFor(user.role, owner.kind === "warranty" ? "warranty.view" : "illegal.view");
  const visible =
    scope &&
    (owner.kind === "warranty"
      ? await getWarranty(db, user, scope, owner.id)
      : await visibleIllegal(db, user, scope, owner.id));
  if (!visible) notFound("photo");
  return photoFileResponse(owner.photo, variant);
}
