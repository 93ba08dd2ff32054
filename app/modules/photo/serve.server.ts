import { notFound } from "~/modules/auth/require-user.server";
import { PHOTO_EXTENSION, PHOTO_MIME, type PhotoFormat } from "./sniff";
import {
  type PhotoStorage,
  photoKey,
  photoStorage,
  VARIANTS,
  type Variant,
} from "./storage.server";

/** The columns of a Photo row that name and type its three files. */
export type StoredPhoto = {
  sha256: string;
  format: string;
  displaySha256: string;
  displayFormat: string;
  thumbSha256: string;
};

export const isPhotoVariant = (v: string | undefined): v is Variant =>
  (VARIANTS as readonly string[]).includes(v ?? "");

/**
 * One file of a photo the caller has already found visible to the reader (lot, defect,
 * 隐蔽工程 record, warranty or illegal-structure case): the original as a download, the display
 * image and thumbnail inline; never sniffed, cached privately for good (the bytes behind a hash
 * never change). A missing file is a 404.
 */
export async function photoFileResponse(
  photo: StoredPhoto,
  variant: Variant,
  storage: PhotoStorage = photoStorage(),
): Promise<Response> {
  const sha =
    variant === "original"
      ? photo.sha256
      : variant === "display"
        ? photo.displaySha256
        : photo.thumbSha256;
  const file = await storage.read(photoKey(variant, sha));
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
