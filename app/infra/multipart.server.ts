import { createHash } from "node:crypto";
import fs from "node:fs";
import { Readable } from "node:stream";
import busboy from "busboy";
import { recordT } from "~/modules/defect/labels";
import type { DomainError } from "./domain-error";
import { isStorageFullError, MB, storageFull, uploadRefusal } from "./upload-error";
import { discardSpooled, spooledFile, spoolPath, type UploadedFile } from "./upload-spool.server";

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

export type { UploadedFile };
export type ParsedUpload = { fields: Record<string, string>; files: UploadedFile[] };

/**
 * Reads a multipart body (photos, drawings, documents) and runs `use` with its fields and files,
 * each file spooled to a temporary (upload-spool.server.ts) while it streamed in and hashed on
 * the way; the temporaries are removed when `use` settles, whatever it did (returned, refused,
 * threw), and a refused body leaves none. `reword` turns the parser's refusals (413, 415, 400)
 * into the caller's words; refusals of `use` are not passed to it.
 */
export async function withUpload<T>(
  request: Request,
  limits: UploadLimits,
  use: (upload: ParsedUpload) => Promise<T>,
  reword: (refusal: unknown) => unknown = (refusal) => refusal,
): Promise<T> {
  let parsed: ParsedUpload;
  try {
    parsed = await parseMultipart(request, limits);
  } catch (error) {
    throw reword(error);
  }
  try {
    return await use(parsed);
  } finally {
    await discardSpooled(parsed.files.map((f) => f.path));
  }
}

/**
 * Streams a multipart body, writing each file part to a temporary as it arrives (hashed on the
 * way: memory does not grow with the file) up to the per-file limit and the whole body up to the
 * request limit. Every refusal is a DomainError (413 over a limit, 415 not multipart, 400 a body
 * that ends early or is not well-formed; 507 a full disk) and leaves no temporary. Every stream
 * has an error listener: a truncated body (no closing boundary) is a 400 for this request, never
 * an uncaught error that stops the process.
 */
async function parseMultipart(request: Request, limits: UploadLimits): Promise<ParsedUpload> {
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
  const spooled: Spooling[] = [];
  const names: string[] = [];
  let total = 0;

  return new Promise<ParsedUpload>((resolve, reject) => {
    let refused: DomainError | null = null;
    let settled = false;
    // A refusal or a broken body: every temporary goes (once its stream has closed, so a late
    // open cannot bring a removed name back) before the caller hears of it.
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      body.unpipe(parser);
      // Over the request limit the rest is left unread: the server (scripts/serve.mjs) reads and
      // drops it, within bounds, after answering, so the client sees the 413. A broken body has
      // ended anyway.
      if ((error as { status?: unknown }).status !== 413) body.destroy();
      else body.pause();
      void Promise.all(spooled.map((s) => s.drop())).then(() => reject(error));
    };
    parser.on("field", (name, value) => {
      fields[name] = value;
    });
    parser.on("file", (_field, stream, info) => {
      // After a refusal busboy may still parse the chunk that crossed the limit (the pipe had it
      // in hand): a part it starts is never spooled, or its temporary would outlive the request.
      if (settled) {
        stream.resume();
        return;
      }
      const name = info.filename || recordT()("photo:watermark.fileName");
      const part = spool(stream);
      spooled.push(part);
      stream.on("error", () => fail(incomplete()));
      // A file over its limit: keep reading (and dropping) the rest of the body, which the
      // request limit bounds, so the client receives the 413 instead of a reset connection.
      stream.on("limit", () => {
        refused ??= fileTooLarge(name);
        void part.drop();
      });
      names.push(name);
      part.written.catch((error: unknown) =>
        fail(isStorageFullError(error) ? storageFull(error) : error),
      );
    });
    parser.on("filesLimit", () => {
      refused ??= uploadRefusal("photo:errors.upload.tooManyFiles", 413);
    });
    parser.on("error", () => fail(incomplete()));
    parser.on("close", () => {
      // Each part's temporary is complete (flushed, closed) before the upload is handed on.
      void Promise.allSettled(spooled.map((s) => s.written)).then((done) => {
        if (settled) return;
        if (refused) return fail(refused);
        settled = true;
        done.forEach((d, i) => {
          if (d.status === "fulfilled" && d.value)
            files.push(spooledFile(names[i] as string, d.value.path, d.value.size, d.value.sha256));
        });
        resolve({ fields, files });
      });
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

type Spooled = { path: string; size: number; sha256: string };
type Spooling = {
  /** the part on disk once its stream ended and the file closed; null when dropped */
  written: Promise<Spooled | null>;
  /** stops writing and removes the temporary (the part's stream keeps being read and dropped) */
  drop: () => Promise<void>;
};

/**
 * Writes one file part to a new temporary while hashing it, with the part's backpressure (a slow
 * disk pauses the part, and so busboy and the body); `drop` stops and removes it.
 */
function spool(stream: Readable): Spooling {
  const hash = createHash("sha256");
  let size = 0;
  let dropped = false;
  let out: fs.WriteStream | null = null;
  let settle: (value: Spooled | null) => void = () => {};
  let failed: (error: unknown) => void = () => {};
  const written = new Promise<Spooled | null>((resolve, reject) => {
    settle = resolve;
    failed = reject;
  });
  // Chunks wait in the part's stream until the temporary is open.
  stream.pause();
  const opening = spoolPath().then((file) => {
    if (dropped) return null;
    const w = fs.createWriteStream(file, { flags: "wx" });
    out = w;
    w.on("error", failed);
    stream.on("end", () => {
      if (dropped) settle(null);
      else w.end(() => settle({ path: file, size, sha256: hash.digest("hex") }));
    });
    stream.resume();
    return file;
  }, failed);
  stream.on("data", (chunk: Buffer) => {
    if (dropped || !out) return;
    size += chunk.length;
    hash.update(chunk);
    if (!out.write(chunk)) {
      stream.pause();
      out.once("drain", () => stream.resume());
    }
  });
  stream.on("error", () => settle(null));
  const drop = async () => {
    if (!dropped) {
      dropped = true;
      settle(null);
      // Keep the part flowing (its bytes are dropped) so busboy reaches the end of the body.
      stream.resume();
      (out as fs.WriteStream | null)?.destroy();
    }
    const file = await opening.catch(() => null);
    const w = out as fs.WriteStream | null;
    if (w && !w.closed) await new Promise<void>((r) => w.once("close", () => r()));
    if (file) await discardSpooled([file]);
  };
  return { written, drop };
}
