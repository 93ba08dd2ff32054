import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/modules/auth/require-user.server";
import { PHOTO_EXTENSION, PHOTO_MIME, type PhotoFormat } from "~/modules/photo/sniff";
import { photoKey, photoStorage, VARIANTS, type Variant } from "~/modules/photo/storage.server";
import { requireViewablePhoto } from "~/modules/photo/viewable.server";

const isVariant = (v: string): v is Variant => (VARIANTS as readonly string[]).includes(v);

/**
 * A photo file, only for whoever may see the lot or defect it belongs to (the owner in the
 * query's `where`); ids and hashes alone open nothing.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const variant = params.variant ?? "";
  if (!isVariant(variant)) notFound("photo");
  const { photo } = await requireViewablePhoto(request, params.photoId);
  const sha =
    variant === "original"
      ? photo.sha256
      : variant === "display"
        ? photo.displaySha256
        : photo.thumbSha256;
  const file = await photoStorage().read(photoKey(variant, sha));
  if (!file) notFound("photoFile");
  const format = photo.format as PhotoFormat;
  const headers = new Headers({
    "Content-Type":
      variant === "original"
        ? (PHOTO_MIME[format] ?? "application/octet-stream")
        : variant === "display"
          ? (PHOTO_MIME[photo.displayFormat as PhotoFormat] ?? "image/webp")
          : "image/webp",
    "Content-Length": String(file.size),
    "X-Content-Type-Options": "nosniff",
    // The bytes behind a photo id never change; private keeps shared caches out.
    "Cache-Control": "private, max-age=31536000, immutable",
    ETag: `"${sha}"`,
  });
  if (variant === "original") {
    const ext = PHOTO_EXTENSION[format] ?? "bin";
    headers.set(
      "Content-Disposition",
      `attachment; filename="photo-${photo.sha256.slice(0, 16)}.${ext}"`,
    );
  }
  return new Response(file.stream, { status: 200, headers });
}
