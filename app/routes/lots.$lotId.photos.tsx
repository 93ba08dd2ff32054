import type { ActionFunctionArgs } from "@remix-run/node";
import type { TFunction } from "i18next";
import { DomainError } from "~/infra/domain-error";
import { env } from "~/infra/env.server";
import { withUpload } from "~/infra/multipart.server";
import { requestT } from "~/modules/auth/language.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { COMMAND_KEY } from "~/modules/lot/commands.server";
import { requireRecordableLot } from "~/modules/lot/lots.server";
import { photoMessages } from "~/modules/photo/errors";
import { attachLotPhoto, photoUploadOf, replayedLotPhoto } from "~/modules/photo/photos.server";
import { photoStorage } from "~/modules/photo/storage.server";
import type { UploadResult } from "~/modules/photo/view";

const json = (body: unknown, status = 200) => Response.json(body, { status });

function refusal(error: unknown, t: TFunction): { message: string; status: number } | null {
  if (error instanceof DomainError) return { message: error.text(t), status: error.status };
  return null;
}

/**
 * POST multipart: `photo` file parts (one or more), optional `itemId` for a checklist item. From
 * the tablet's outbox: one photo with `key` (idempotency) and `baseVersion` (the lot's state when
 * it was taken); a replay answers the photo stored the first time. Answers carry `outcome`
 * (applied | duplicate | refused) as the command endpoint's do.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const t = await requestT(request);
  if (request.method !== "POST")
    return json({ ok: false, message: t("errors.postOnly", { ns: "lot" }) }, 405);
  const { user, scope, db } = await requireUser(request, "photo.upload");
  const lotId = params.lotId ?? "";
  const e = env();
  try {
    // An outbox photo names its key in the URL too: a replay is answered before the lot's state
    // is checked (it was stored before the lot was signed) and before the body is read.
    const urlKey = new URL(request.url).searchParams.get("key");
    const replay =
      urlKey && COMMAND_KEY.test(urlKey)
        ? await replayedLotPhoto(db, user, scope, lotId, urlKey)
        : null;
    if (replay)
      return json({
        ok: true,
        outcome: "duplicate",
        message: t("saved.uploaded", { ns: "lot" }),
        results: [{ ok: true, name: "", photoId: replay.photo.id, duplicate: true }],
      });
    // Refuse before reading the body when the lot is not this user's to change.
    await requireRecordableLot(db, user, scope, lotId);
    return await withUpload(
      request,
      {
        fileBytes: e.photoMaxFileBytes,
        requestBytes: e.photoMaxRequestBytes,
        messages: photoMessages,
      },
      async ({ fields, files }) => {
        if (files.length === 0)
          return json(
            { ok: false, message: t("errors.choosePhoto", { ns: "lot" }), results: [] },
            400,
          );
        const itemId = fields.itemId?.trim() || null;
        const key = fields.key?.trim() || null;
        if (key && (!COMMAND_KEY.test(key) || files.length !== 1))
          return json(
            {
              ok: false,
              outcome: "refused",
              message: t("errors.commandKeyMissing", { ns: "lot" }),
              results: [],
            },
            400,
          );
        const command = key
          ? { key, baseVersion: fields.baseVersion?.slice(0, 64) || null }
          : undefined;
        const results: UploadResult[] = [];
        let status = 200;
        for (const file of files) {
          try {
            const { photo, duplicate } = await attachLotPhoto(
              db,
              photoStorage(),
              user,
              scope,
              { lotId, itemId },
              await photoUploadOf(file),
              { command },
            );
            results.push({ ok: true, name: file.name, photoId: photo.id, duplicate });
          } catch (error) {
            const refused = refusal(error, t);
            if (!refused) throw error;
            if (status === 200) status = refused.status;
            results.push({ ok: false, name: file.name, message: refused.message });
          }
        }
        const failed = results.find((r) => !r.ok);
        return json(
          {
            ok: !failed,
            outcome: failed
              ? "refused"
              : results.every((r) => r.ok && r.duplicate)
                ? "duplicate"
                : "applied",
            message: failed?.message ?? t("saved.uploaded", { ns: "lot" }),
            results,
          },
          status,
        );
      },
    );
  } catch (error) {
    const refused = refusal(error, t);
    if (!refused) throw error;
    return json(
      { ok: false, outcome: "refused", message: refused.message, results: [] },
      refused.status,
    );
  }
}
