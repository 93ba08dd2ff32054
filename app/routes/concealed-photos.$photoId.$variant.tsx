import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { concealedPhoto } from "~/modules/concealed/records.server";
import { isPhotoVariant, photoFileResponse } from "~/modules/photo/serve.server";

/** A 隐蔽工程验收 photo, only for whoever may see its record (a contractor: its own). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const variant = params.variant;
  if (!isPhotoVariant(variant)) notFound("photo");
  const { user, scope, db } = await requireUser(request, "lot.view");
  const photo = await concealedPhoto(db, user, scope, params.photoId ?? "");
  if (!photo) notFound("photo");
  return photoFileResponse(photo, variant);
}
