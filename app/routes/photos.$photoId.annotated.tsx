import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { DomainError, isDomainError, refusalResponse } from "~/infra/domain-error";
import { requestT } from "~/modules/auth/language.server";
import { scopeFor } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { parseAnnotation } from "~/modules/photo/annotation";
import {
  annotatedDisplay,
  annotationPermission,
  latestAnnotations,
  saveAnnotation,
} from "~/modules/photo/annotation.server";
import { requireViewablePhoto } from "~/modules/photo/viewable.server";

/** The display copy with its markup drawn on; the original is served unchanged at /original. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, photo } = await requireViewablePhoto(request, params.photoId);
  if (new URL(request.url).searchParams.has("shapes")) {
    const layer = (await latestAnnotations(db, [photo.id])).get(photo.id);
    return Response.json(
      { version: layer?.version ?? 0, shapes: layer?.shapes ?? [] },
      { headers: { "Cache-Control": "private, no-store" } },
    );
  }
  const result = await annotatedDisplay(db, photo);
  if (!result) notFound("photoFile");
  const etag = `"${photo.displaySha256}-${result.annotation?.sha256 ?? "none"}"`;
  const headers = new Headers({
    "Content-Type": "image/webp",
    "X-Content-Type-Options": "nosniff",
    // The markup may change until the record is signed: ask again, answer 304 when unchanged.
    "Cache-Control": "private, no-cache",
    ETag: etag,
  });
  if (request.headers.get("If-None-Match") === etag)
    return new Response(null, { status: 304, headers });
  headers.set("Content-Length", String(result.bytes.length));
  return new Response(new Uint8Array(result.bytes), { status: 200, headers });
}

/** Saves the photo's markup layer (JSON of shapes in the `shapes` field). */
export async function action({ request, params }: ActionFunctionArgs) {
  // Signed in first; marking up needs what adding this kind of photo needs, checked before the
  // body is read. A photo the user may not mark up is answered like one that does not exist.
  const { user, db } = await requireUser(request, "account.view");
  const permission = await annotationPermission(db, params.photoId ?? "");
  const scope = permission ? scopeFor(user.role, permission) : null;
  if (!permission || !scope) notFound("photo");
  const t = await requestT(request);
  const form = await request.formData();
  const parsed = parseAnnotation(String(form.get("shapes") ?? ""));
  if (!parsed.ok)
    return refusalResponse(new DomainError(parsed.code, { status: 400, params: parsed.params }), t);
  try {
    const saved = await saveAnnotation(db, user, scope, params.photoId ?? "", parsed.shapes);
    return Response.json({
      ok: true as const,
      version: saved.version,
      message: t("markup.saved", { ns: "photo" }),
    });
  } catch (error) {
    if (isDomainError(error)) return refusalResponse(error, t);
    throw error;
  }
}
