import type { ActionFunctionArgs } from "@remix-run/node";
import { db } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { parseMultipart } from "~/infra/multipart.server";
import { UploadError } from "~/infra/upload-error";
import { requireUser } from "~/modules/auth/require-user.server";
import { photoMessages } from "~/modules/photo/errors";
import {
  attachDefectPhoto,
  type DefectPhotoRole,
  requireDefectForPhoto,
} from "~/modules/photo/photos.server";
import { photoStorage } from "~/modules/photo/storage.server";
import type { UploadResult } from "~/modules/photo/view";

const json = (body: unknown, status = 200) => Response.json(body, { status });

/** POST multipart: `photo` file parts, `role` before (整改前, supervisor) or after (整改后, contractor). */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return json({ ok: false, message: "只支持 POST" }, 405);
  const role: DefectPhotoRole =
    new URL(request.url).searchParams.get("role") === "after" ? "after" : "before";
  const { user, scope } = await requireUser(
    request,
    role === "after" ? "defect.rectify" : "defect.create",
  );
  const e = env();
  const target = { defectId: params.defectId ?? "", role };
  try {
    // Refuse before reading the body when the defect is not this user's to change.
    await requireDefectForPhoto(db(), user, scope, target);
    const { files } = await parseMultipart(request, {
      fileBytes: e.photoMaxFileBytes,
      requestBytes: e.photoMaxRequestBytes,
      messages: photoMessages,
    });
    if (files.length === 0) return json({ ok: false, message: "请选择照片", results: [] }, 400);
    const results: UploadResult[] = [];
    let status = 200;
    for (const file of files) {
      try {
        const { photo, duplicate } = await attachDefectPhoto(
          db(),
          photoStorage(),
          user,
          scope,
          target,
          file,
        );
        results.push({ ok: true, name: file.name, photoId: photo.id, duplicate });
      } catch (error) {
        if (!(error instanceof UploadError)) throw error;
        if (status === 200) status = error.status;
        results.push({ ok: false, name: file.name, message: error.message });
      }
    }
    const failed = results.find((r) => !r.ok);
    return json({ ok: !failed, message: failed?.message ?? "已上传", results }, status);
  } catch (error) {
    if (!(error instanceof UploadError)) throw error;
    return json({ ok: false, message: error.message, results: [] }, error.status);
  }
}
