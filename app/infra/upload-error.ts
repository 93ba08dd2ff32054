import { DomainError, type MessageParams } from "~/infra/domain-error";
import type { MessageKey } from "~/locales/resources";
import { refusal } from "~/modules/defect/labels";

export const MB = 1024 * 1024;

/**
 * A refused upload (photo, drawing, any file): a DomainError with its code, status and params.
 * Its `message` is the Chinese text, for the log and for routes that still read `.message`;
 * routes answer with `refusalResponse(error, t)`, in the reader's language.
 */
export function uploadRefusal(
  code: MessageKey,
  status = 422,
  params: MessageParams = {},
): DomainError {
  return refusal(code, status, params);
}

/**
 * @deprecated The refusal class is DomainError; this alias keeps `instanceof UploadError` in
 * routes not yet converted (lot photos, residents, warranty, drawings) catching upload refusals.
 */
export { DomainError as UploadError };

/** Disk full, quota, read-only or unwritable folder: the server cannot keep files (507). */
export function isStorageFullError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === "ENOSPC" ||
    code === "EDQUOT" ||
    code === "EROFS" ||
    code === "EACCES" ||
    code === "EPERM"
  );
}

/** The server cannot keep the files (507); the cause goes to the log with the error. */
export function storageFull(cause: unknown): DomainError {
  const error = uploadRefusal("photo:errors.upload.storageFull", 507);
  (error as { cause?: unknown }).cause = cause;
  return error;
}
