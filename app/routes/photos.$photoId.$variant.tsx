import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/modules/auth/require-user.server";
import { isPhotoVariant, photoFileResponse } from "~/modules/photo/serve.server";
import { requireViewablePhoto } from "~/modules/photo/viewable.server";

/**
 * A photo file, only for whoever may see the lot or defect it belongs to (the owner in the
 * query's `where`); ids and hashes alone open nothing.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const variant = params.variant;
  if (!isPhotoVariant(variant)) notFound("photo");
  const { photo } = await requireViewablePhoto(request, params.photoId);
  return photoFileResponse(photo, variant);
}
