import type { LoaderFunctionArgs } from "@remix-run/node";
import { scopeFor } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { PHOTO_MIME, type PhotoFormat } from "~/modules/photo/sniff";
import { photoKey, photoStorage } from "~/modules/photo/storage.server";
import { visibleIllegal } from "~/modules/residents/illegal.server";
import { residentPhotoOwner } from "~/modules/residents/photos.server";
import { getWarranty } from "~/modules/residents/warranty.server";

/** A warranty or illegal-structure photo, only for whoever may see what it belongs to. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const variant = params.variant;
  if (variant !== "thumb" && variant !== "display" && variant !== "original") notFound("photo");
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
  const p = owner.photo;
  const sha =
    variant === "original" ? p.sha256 : variant === "display" ? p.displaySha256 : p.thumbSha256;
  const file = await photoStorage().read(photoKey(variant, sha));
  if (!file) notFound("photoFile");
  return new Response(file.stream, {
    headers: {
      "Content-Type":
        variant === "original"
          ? (PHOTO_MIME[p.format as PhotoFormat] ?? "application/octet-stream")
          : "image/webp",
      "Content-Length": String(file.size),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, max-age=31536000, immutable",
    },
  });
}
