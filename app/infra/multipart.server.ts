import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import busboy from "busboy";
import { recordT } from "~/modules/defect/labels";
import type { DomainError } from "./domain-error";
import { MB, uploadRefusal } from "./upload-error";

export type UploadLimits = {
  fileBytes: number;
  requestBytes: number;
  files?: number;
  /** longest text field (default 4 KiB) */
  fieldBytes?: number;
  /** what the files are, for the wording of size refusals (default: any file) */
  subject?: UploadSubject;
  /**
   * @deprecated `{ subject }` is the same as `subject` (`messages: photoMessages` reads as photos);
   * wording functions are the drawing module's until its refusals are DomainError codes.
   */
  messages?: { subject: UploadSubject } | LegacyWording;
};
export type UploadSubject = "photo" | "file";
type LegacyWording = {
  fileTooLarge?: (name: string, limitBytes: number) => string;
  requestTooLarge?: (limitBytes: number) => string;
};
/** One file part: its bytes and their SHA-256, computed while the part streamed in. */
export type UploadedFile = { name: string; bytes: Buffer; sha256: string };
export type ParsedUpload = { fields: Record<string, string>; files: UploadedFile[] };

/**
 * Streams a multipart body (photos, drawings), keeping each file part in memory up to the per-file
 * limit and the whole body up to the request limit, hashing each part as it arrives. Every refusal
 * is a DomainError (413 over a limit, 415 not multipart, 400 a body that ends early or is not
 * well-formed); nothing is kept then. Every stream has an error listener: a truncated body (no
 * closing boundary) is a 400 for this request, never an uncaught error that stops the process.
 */
export async function parseMultipart(
  request: Request,
  limits: UploadLimits,
): Promise<ParsedUpload> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data") || !request.body)
    throw uploadRefusal("photo:errors.upload.notMultipart", 415);
  const legacy: LegacyWording =
    limits.messages && !("subject" in limits.messages) ? limits.messages : {};
  const subject = limits.messages && "subject" in limits.messages ? limits.messages.subject : null;
  const photos = (limits.subject ?? subject) === "photo";
  const worded = (message: string) => uploadRefusal("photo:errors.asWritten", 413, { message });
  const tooLarge = () =>
    legacy.requestTooLarge
      ? worded(legacy.requestTooLarge(limits.requestBytes))
      : uploadRefusal(
          photos ? "photo:errors.photosTooLarge" : "photo:errors.upload.requestTooLarge",
          413,
          { mb: Math.round(limits.requestBytes / MB) },
        );
  const fileTooLarge = (name: string) =>
    legacy.fileTooLarge
      ? worded(legacy.fileTooLarge(name, limits.fileBytes))
      : uploadRefusal(
          photos ? "photo:errors.photoTooLarge" : "photo:errors.upload.fileTooLarge",
          413,
          {
            name,
            mb: Math.round(limits.fileBytes / MB),
          },
        );
  const incomplete = () => uploadRefusal("photo:errors.upload.incomplete", 400);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limits.requestBytes) throw tooLarge();

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8",
      limits: {
        fileSize: limits.fileBytes,
        files: limits.files ?? 20,
        fields: 20,
        fieldSize: limits.fieldBytes ?? 4096,
      },
    });
  } catch {
    // e.g. multipart/form-data without a boundary
    throw uploadRefusal("photo:errors.upload.notMultipart", 415);
  }
  const body = Readable.fromWeb(request.body as import("node:stream/web").ReadableStream);
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  let total = 0;

  return new Promise<ParsedUpload>((resolve, reject) => {
    let refused: DomainError | null = null;
    let settled = false;
    const fail = (error: DomainError) => {
      if (settled) return;
      settled = true;
      files.length = 0;
      body.unpipe(parser);
      // Over the request limit the rest is left unread: the server (scripts/serve.mjs) reads and
      // drops it, within bounds, after answering, so the client sees the 413. A broken body has
      // ended anyway.
      if (error.status !== 413) body.destroy();
      else body.pause();
      reject(error);
    };
    parser.on("field", (name, value) => {
      fields[name] = value;
    });
    parser.on("file", (_field, stream, info) => {
      const name = info.filename || recordT()("photo:watermark.fileName");
      const chunks: Buffer[] = [];
      const hash = createHash("sha256");
      stream.on("error", () => fail(incomplete()));
      stream.on("data", (chunk: Buffer) => {
        if (refused || settled) return;
        chunks.push(chunk);
        hash.update(chunk);
      });
      // A file over its limit: keep reading (and dropping) the rest of the body, which the
      // request limit bounds, so the client receives the 413 instead of a reset connection.
      stream.on("limit", () => {
        refused ??= fileTooLarge(name);
        chunks.length = 0;
      });
      stream.on("end", () => {
        if (!refused && !settled)
          files.push({ name, bytes: Buffer.concat(chunks), sha256: hash.digest("hex") });
      });
    });
    parser.on("filesLimit", () => {
      refused ??= uploadRefusal("photo:errors.upload.tooManyFiles", 413);
    });
    parser.on("error", () => fail(incomplete()));
    parser.on("close", () => {
      if (settled) return;
      settled = true;
      if (refused) reject(refused);
      else resolve({ fields, files });
    });
    body.on("error", () => fail(incomplete()));
    // Counted on the raw body, so a part busboy is already dropping (over its file limit) still
    // counts towards the request limit.
    body.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > limits.requestBytes) fail(tooLarge());
    });
    body.pipe(parser);
  });
}
