import { FORM_BODY_MAX_BYTES } from "~/infra/http-guard";
import type { LotMessage } from "./messages";

type Headers = { get(name: string): string | null };

/** The largest outbox command body (one item's record; 500 points with histories fit). */
export const COMMAND_BODY_MAX_BYTES = FORM_BODY_MAX_BYTES;

/**
 * Whether an outbox command's body may be read at all, from its headers: a form (url-encoded, or
 * multipart as older tablets send it) with a declared length of at most 1 MB. Multipart passes
 * the server's gate uncapped (uploads cap themselves), so this route caps it itself.
 */
export function commandBodyRefusal(
  headers: Headers,
): { status: number; message: LotMessage } | null {
  const type = (headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type !== "application/x-www-form-urlencoded" && type !== "multipart/form-data")
    return { status: 415, message: { key: "lot:commands.contentType" } };
  const declared = headers.get("content-length");
  const length = declared === null ? Number.NaN : Number(declared);
  if (/chunked/i.test(headers.get("transfer-encoding") ?? "") || !Number.isSafeInteger(length))
    return { status: 411, message: { key: "lot:commands.lengthRequired" } };
  if (length > COMMAND_BODY_MAX_BYTES)
    return {
      status: 413,
      message: { key: "lot:commands.tooLarge", params: { kb: COMMAND_BODY_MAX_BYTES / 1024 } },
    };
  return null;
}
