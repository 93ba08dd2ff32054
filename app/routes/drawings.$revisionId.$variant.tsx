import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { findViewableRevision } from "~/modules/drawing/drawings.server";
import { drawingKey, drawingStorage } from "~/modules/drawing/storage.server";

/** A sheet's rendered image (full PNG or preview WebP), only for whoever may see its compound. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const variant = params.variant;
  if (variant !== "full" && variant !== "preview") notFound("drawing");
  const { user, scope, db } = await requireUser(request, "drawing.view");
  const revision = await findViewableRevision(db, params.revisionId ?? "", user, scope);
  if (!revision) notFound("drawing");
  const sha = variant === "full" ? revision.imageSha256 : revision.previewSha256;
  // Not rendered yet (预览生成中) or rendering failed: there is no image (yet).
  if (!sha) notFound("drawingFile");
  const file = await drawingStorage().read(drawingKey(variant, sha));
  if (!file) notFound("drawingFile");
  return new Response(file.stream, {
    status: 200,
    headers: {
      "Content-Type": variant === "full" ? "image/png" : "image/webp",
      "Content-Length": String(file.size),
      "X-Content-Type-Options": "nosniff",
      // A revision's images never change; private keeps shared caches out.
      "Cache-Control": "private, max-age=31536000, immutable",
      ETag: `"${sha}"`,
    },
  });
}
