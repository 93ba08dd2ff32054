import type { Submission } from "@conform-to/react";
import { data } from "@remix-run/node";
import type { TFunction } from "i18next";
import { env } from "~/infra/env.server";
import { parseMultipart } from "~/infra/multipart.server";
import { replyError } from "~/infra/submission.server";
import { UploadError } from "~/infra/upload-error";
import { photoMessages } from "~/modules/photo/errors";

/** A residents' photo form (report, register, after photo): its fields as FormData and files. */
export async function readPhotoForm(request: Request, files: number) {
  const e = env();
  try {
    const parsed = await parseMultipart(request, {
      messages: photoMessages,
      fileBytes: e.photoMaxFileBytes,
      requestBytes: e.photoMaxRequestBytes,
      files,
    });
    const form = new FormData();
    for (const [k, v] of Object.entries(parsed.fields)) form.set(k, v);
    return { ok: true as const, form, files: parsed.files };
  } catch (error) {
    if (error instanceof UploadError) return { ok: false as const, error };
    throw error;
  }
}

/** replyError, and a refused upload (the photo pipeline's UploadError) above the form. */
export function replyRefusal(
  submission: Submission<unknown, string[], unknown>,
  error: unknown,
  t: TFunction,
) {
  // Every refusal (the photo pipeline's included) is a DomainError, worded for the reader.
  return replyError(submission, error, t);
}

/** A refused upload before any field could be read, as a form-level reply. */
export function uploadRefused(error: UploadError) {
  return data({ formErrors: [error.message] }, { status: error.status });
}
