import type { ActionFunctionArgs } from "@remix-run/node";
import { isDomainError, refusalResponse } from "~/infra/domain-error";
import { env } from "~/infra/env.server";
import { withUpload } from "~/infra/multipart.server";
import { requestT } from "~/modules/auth/language.server";
import { requireUser } from "~/modules/auth/require-user.server";
import {
  attachDefectPhoto,
  type DefectPhotoRole,
  replayedDefectPhoto,
  requireDefectForPhoto,
} from "~/modules/photo/defect-photos.server";
import { photoUploadOf } from "~/modules/photo/photos.server";
import { photoStorage } from "~/modules/photo/storage.server";
import type { UploadResult } from "~/modules/photo/view";

const json = (body: unknown, status = 200) => Response.json(body, { status });
const SHA256 = /^[0-9a-f]{64}$/;

/** POST multipart: `photo` file parts, `role` before (整改前, supervisor) or after (整改后, contractor). */
export async function action({ request, params }: ActionFunctionArgs) {
  const role: DefectPhotoRole =
    new URL(request.url).searchParams.get("role") === "after" ? "after" : "before";
  if (request.method !== "POST") {
    const t = await requestT(request);
    return json({ ok: false, message: t("errors.upload.postOnly", { ns: "photo" }) }, 405);
  }
  const { user, scope, db } = await requireUser(
    request,
    role === "after" ? "defect.rectify" : "defect.create",
  );
  const t = await requestT(request);
  const e = env();
  const target = { defectId: params.defectId ?? "", role };
  try {
    // A queued photo's replay (its bytes named in the address) already stored: answered as such.
    const sha256 = new URL(request.url).searchParams.get("sha256") ?? "";
    const replayed = SHA256.test(sha256)
      ? await replayedDefectPhoto(db, user, scope, target, sha256)
      : null;
    if (replayed)
      return json({
        ok: true,
        message: t("uploader.uploaded", { ns: "photo" }),
        results: [{ ok: true, name: "", photoId: replayed, duplicate: true }],
      });
    // Refuse before reading the body when the defect is not this user's to change.
    await requireDefectForPhoto(db, user, scope, target);
    return await withUpload(
      request,
      {
        fileBytes: e.photoMaxFileBytes,
        requestBytes: e.photoMaxRequestBytes,
        subject: "photo",
      },
      async ({ files }) => {
        if (files.length === 0)
          return json(
            { ok: false, message: t("errors.upload.noFile", { ns: "photo" }), results: [] },
            400,
          );
        const results: UploadResult[] = [];
        let status = 200;
        for (const file of files) {
          try {
            const stored = await attachDefectPhoto(
              db,
              photoStorage(),
              user,
              scope,
              target,
              await photoUploadOf(file),
            );
            results.push({
              ok: true,
              name: file.name,
              photoId: stored.photo.id,
              duplicate: stored.duplicate,
            });
          } catch (error) {
            if (!isDomainError(error)) throw error;
            if (status === 200) status = error.status;
            results.push({ ok: false, name: file.name, message: error.text(t) });
          }
        }
        const failed = results.find((r) => !r.ok);
        return json(
          {
            ok: !failed,
            message: failed?.message ?? t("uploader.uploaded", { ns: "photo" }),
            results,
          },
          status,
        );
      },
    );
  } catch (error) {
    if (!isDomainError(error)) throw error;
    // The uploader reads `message`; `results` stays for its duplicate check.
    const refused = refusalResponse(error, t);
    return json({ ok: false, ...(await refused.json()), results: [] }, error.status);
  }
}
