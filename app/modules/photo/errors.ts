/** Photo refusals are DomainErrors with codes under photo:errors.* (see infra/upload-error). */

export const MB = 1024 * 1024;

/**
 * @deprecated pass `subject: "photo"` to parseMultipart; kept so `messages: photoMessages` in
 * routes not yet converted still words size refusals as photos.
 */
export const photoMessages = { subject: "photo" } as const;

/**
 * Whether an upload that failed with this HTTP status can pass if sent again unchanged: no answer
 * (0), a timeout, throttling, or a server-side failure (5xx, including a full disk, 507). Every
 * other 4xx is a refusal of this file or this request as it is: retrying cannot help.
 */
export function retryableUploadStatus(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}
