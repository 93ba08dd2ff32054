import type { Submission } from "@conform-to/react";
import { data } from "@remix-run/node";
import type { TFunction } from "i18next";
import { env } from "~/infra/env.server";
import { type UploadedFile, withUpload } from "~/infra/multipart.server";
import { replyError } from "~/infra/submission.server";
import { UploadError } from "~/infra/upload-error";
import { photoMessages } from "~/modules/photo/errors";

/** The parser's refusal, carried past `use` (whose own refusals are the route's to answer). */
class BodyRefused {
  constructor(readonly error: UploadError) {}
}

/**
 * A residents' photo form (report, register, after photo): runs `use` with its fields as FormData
 * and its files (spooled, removed when `use` settles); a refused body (size, not a form, broken)
 * is answered above the form instead.
 */
export async function withPhotoForm<T>(
  request: Request,
  files: number,
  use: (read: { form: FormData; files: UploadedFile[] }) => Promise<T>,
) {
  const e = env();
  try {
    return await withUpload(
      request,
      {
        messages: photoMessages,
        fileBytes: e.photoMaxFileBytes,
        requestBytes: e.photoMaxRequestBytes,
        files,
      },
      (parsed) => {
        const form = new FormData();
        for (const [k, v] of Object.entries(parsed.fields)) form.set(k, v);
        return use({ form, files: parsed.files });
      },
      (error) => (error instanceof UploadError ? new BodyRefused(error) : error),
    );
  } catch (error) {
    if (error instanceof BodyRefused) return uploadRefused(error.error);
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
