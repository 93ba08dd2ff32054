import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import busboy from "busboy";
import { uploadMessages as msg, UploadError } from "./upload-error";

export type UploadLimits = {
  fileBytes: number;
  requestBytes: number;
  files?: number;
  /** longest text field (default 4 KiB) */
  fieldBytes?: number;
  /** the refusals' wording for this kind of file (default: generic 文件) */
  messages?: {
    fileTooLarge?: (name: string, limitBytes: number) => string;
    requestTooLarge?: (limitBytes: number) => string;
  };
};
/** One file part: its bytes and their SHA-256, computed while the part streamed in. */
export type UploadedFile = { name: string; bytes: Buffer; sha256: string };
export type ParsedUpload = { fields: Record<string, string>; files: UploadedFile[] };

/**
 * Streams a multipart body (photos, drawings), keeping each file part in memory up to the per-file
 * limit and the whole body up to the request limit, hashing each part as it arrives. Every refusal
 * is an UploadError (413 over a limit, 415 not multipart, 400 a body that ends early or is not
 * well-formed); nothing is kept then. Every stream has an error listener: a truncated body (no
 * closing boundary) is a 400 for this request, never an uncaught error that stops the process.
 */
export async function parseMultipart(
  request: Request,
  limits: UploadLimits,
): Promise<ParsedUpload> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data") || !request.body)
    throw new UploadError(msg.notMultipart, 415);
  const tooLarge = limits.messages?.requestTooLarge ?? msg.requestTooLarge;
  const fileTooLarge = limits.messages?.fileTooLarge ?? msg.fileTooLarge;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limits.requestBytes) throw new UploadError(tooLarge(limits.requestBytes), 413);

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
    throw new UploadError(msg.notMultipart, 415);
  }
  const body = Readable.fromWeb(request.body as import("node:stream/web").ReadableStream);
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  let total = 0;

  return new Promise<ParsedUpload>((resolve, reject) => {
    let refused: UploadError | null = null;
    let settled = false;
    const fail = (error: UploadError) => {
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
      const name = info.filename || "文件";
      const chunks: Buffer[] = [];
      const hash = createHash("sha256");
      stream.on("error", () => fail(new UploadError(msg.incomplete, 400)));
      stream.on("data", (chunk: Buffer) => {
        if (refused || settled) return;
        chunks.push(chunk);
        hash.update(chunk);
      });
      // A file over its limit: keep reading (and dropping) the rest of the body, which the
      // request limit bounds, so the client receives the 413 instead of a reset connection.
      stream.on("limit", () => {
        refused ??= new UploadError(fileTooLarge(name, limits.fileBytes), 413);
        chunks.length = 0;
      });
      stream.on("end", () => {
        if (!refused && !settled)
          files.push({ name, bytes: Buffer.concat(chunks), sha256: hash.digest("hex") });
      });
    });
    parser.on("filesLimit", () => {
      refused ??= new UploadError(msg.tooManyFiles, 413);
    });
    parser.on("error", () => fail(new UploadError(msg.incomplete, 400)));
    parser.on("close", () => {
      if (settled) return;
      settled = true;
      if (refused) reject(refused);
      else resolve({ fields, files });
    });
    body.on("error", () => fail(new UploadError(msg.incomplete, 400)));
    // Counted on the raw body, so a part busboy is already dropping (over its file limit) still
    // counts towards the request limit.
    body.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > limits.requestBytes) fail(new UploadError(tooLarge(limits.requestBytes), 413));
    });
    body.pipe(parser);
  });
}
