import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { concealedPhoto } from "~/modules/concealed/records.server";
import { PHOTO_MIME, type PhotoFormat } from "~/modules/photo/sniff";
import { photoKey, photoStorage } from "~/modules/photo/storage.server";

/** A 隐蔽工程验收 photo, only for whoever may see its record (a contractor: its own). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const variant = params.variant;
  if (variant !== "thumb" && variant !== "display" && variant !== "original") notFound("photo");
  const { user, scope, db } = await requireUser(request, "lot.view");
  const p = await concealedPhoto(db, user, scope, params.photoId ?? "");
  if (!p) notFound("photo");
  const sha =
    variant === "original" ? p.sha256 : variant === "display" ? p.displaySha256 : p.thumbSha256;
  const file = await photoStorage().read(photoKey(variant, sha));
  if (!file) notFound("photoFile");
  return new Response(file.stream, {
    headers: {
      "Content-Type":
        variant === "original"
          ? (PHOTO_MIME[p.format as PhotoFormat] ?? "application/octet-stream")
          : variant === "display"
            ? "image/jpeg"
            : "image/webp",
      "Content-Length": String(file.size),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, max-age=31536000, immutable",
    },
  });
}
