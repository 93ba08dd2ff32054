import { Readable } from "node:stream";
import busboy from "busboy";
import { photoMessages as msg, PhotoError } from "./errors";
import type { PhotoUpload } from "./photos.server";

export type UploadLimits = {
  fileBytes: number;
  requestBytes: number;
  files?: number;
  /** longest text field (default 4 KiB) */
  fieldBytes?: number;
};
export type ParsedUpload = { fields: Record<string, string>; files: PhotoUpload[] };

/**
 * Streams a multipart body, keeping each file part in memory up to the per-file limit and the
 * whole body up to the request limit; over either → 413 and nothing is kept.
 */
export async function parsePhotoUpload(
  request: Request,
  limits: UploadLimits,
): Promise<ParsedUpload> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data") || !request.body)
    throw new PhotoError("请以表单（multipart/form-data）上传照片", 415);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limits.requestBytes)
    throw new PhotoError(msg.requestTooLarge(limits.requestBytes), 413);

  const parser = busboy({
    headers: { "content-type": contentType },
    defParamCharset: "utf8",
    limits: {
      fileSize: limits.fileBytes,
      files: limits.files ?? 20,
      fields: 20,
      fieldSize: limits.fieldBytes ?? 4096,
    },
  });
  const body = Readable.fromWeb(request.body as import("node:stream/web").ReadableStream);
  const fields: Record<string, string> = {};
  const files: PhotoUpload[] = [];
  let total = 0;

  return new Promise<ParsedUpload>((resolve, reject) => {
    let refused: PhotoError | null = null;
    let aborted = false;
    // Over the request limit: stop reading at once.
    const abort = (error: Error) => {
      if (aborted) return;
      aborted = true;
      body.unpipe(parser);
      body.destroy();
      reject(error);
    };
    parser.on("field", (name, value) => {
      fields[name] = value;
    });
    parser.on("file", (_field, stream, info) => {
      const name = info.filename || "照片";
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => {
        total += chunk.length;
        if (total > limits.requestBytes)
          abort(new PhotoError(msg.requestTooLarge(limits.requestBytes), 413));
        else if (!refused) chunks.push(chunk);
      });
      // A file over its limit: keep reading (and dropping) the rest of the body, which the
      // request limit bounds, so the client receives the 413 instead of a reset connection.
      stream.on("limit", () => {
        refused ??= new PhotoError(msg.fileTooLarge(name, limits.fileBytes), 413);
        chunks.length = 0;
      });
      stream.on("end", () => {
        if (!refused) files.push({ name, bytes: Buffer.concat(chunks) });
      });
    });
    parser.on("filesLimit", () => {
      refused ??= new PhotoError("一次上传的照片数量过多，请分批上传", 413);
    });
    parser.on("error", (error: Error) =>
      abort(new PhotoError(`上传数据不完整：${error.message}`, 400)),
    );
    parser.on("close", () => {
      if (aborted) return;
      if (refused) reject(refused);
      else resolve({ fields, files });
    });
    body.on("error", (error) => abort(new PhotoError(`上传中断：${error.message}`, 400)));
    body.pipe(parser);
  });
}
