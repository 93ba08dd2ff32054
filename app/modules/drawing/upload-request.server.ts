import { DomainError } from "~/infra/domain-error";
import { parseMultipart, type UploadedFile } from "~/infra/multipart.server";
import { DRAWING_LIMITS } from "./limits";

const mb = () => Math.round(DRAWING_LIMITS.maxFileBytes / 1024 / 1024);

/**
 * Reads an upload request's fields and its one drawing file through the shared multipart parser,
 * every refusal in the drawing catalogue's words: the parser's statuses (415 not a form, 400 a
 * broken body, 413 over the limit) become drawing errors, whatever class the parser throws.
 * Nothing is kept after a refusal.
 */
export async function readDrawingUpload(
  request: Request,
): Promise<{ fields: Record<string, string>; file: UploadedFile }> {
  let parsed: Awaited<ReturnType<typeof parseMultipart>>;
  try {
    parsed = await parseMultipart(request, {
      fileBytes: DRAWING_LIMITS.maxFileBytes,
      requestBytes: DRAWING_LIMITS.maxFileBytes + 1024 * 1024,
      // One file is a drawing set; a second is refused here, in words about drawings.
      files: 2,
      fieldBytes: 16 * 1024,
    });
  } catch (error) {
    const status = (error as { status?: unknown } | null)?.status;
    if (status === 413)
      throw new DomainError("drawing:errors.tooLarge", { status, params: { mb: mb() } });
    if (status === 415) throw new DomainError("drawing:errors.notMultipart", { status });
    if (status === 400) throw new DomainError("drawing:errors.incomplete", { status });
    throw error;
  }
  const [file, ...more] = parsed.files;
  if (more.length > 0) throw new DomainError("drawing:errors.oneFile", { status: 400 });
  if (!file) throw new DomainError("drawing:errors.noFile", { status: 400, field: "file" });
  return { fields: parsed.fields, file };
}
