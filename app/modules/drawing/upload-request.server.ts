import { DomainError } from "~/infra/domain-error";
import { type UploadedFile, withUpload } from "~/infra/multipart.server";
import { DRAWING_LIMITS } from "./limits";

const mb = () => Math.round(DRAWING_LIMITS.maxFileBytes / 1024 / 1024);

/** The parser's statuses (415 not a form, 400 a broken body, 413 over the limit) as drawing errors. */
function drawingRefusal(error: unknown) {
  const status = (error as { status?: unknown } | null)?.status;
  if (status === 413)
    return new DomainError("drawing:errors.tooLarge", { status, params: { mb: mb() } });
  if (status === 415) return new DomainError("drawing:errors.notMultipart", { status });
  if (status === 400) return new DomainError("drawing:errors.incomplete", { status });
  return error;
}

/**
 * Reads an upload request's fields and its one drawing file through the shared multipart parser
 * (the file spooled to a temporary, removed when `use` settles), every refusal in the drawing
 * catalogue's words. Nothing is kept after a refusal.
 */
export function withDrawingUpload<T>(
  request: Request,
  use: (upload: { fields: Record<string, string>; file: UploadedFile }) => Promise<T>,
): Promise<T> {
  return withUpload(
    request,
    {
      fileBytes: DRAWING_LIMITS.maxFileBytes,
      requestBytes: DRAWING_LIMITS.maxFileBytes + 1024 * 1024,
      // One file is a drawing set; a second is refused here, in words about drawings.
      files: 2,
      fieldBytes: 16 * 1024,
    },
    async ({ fields, files }) => {
      const [file, ...more] = files;
      if (more.length > 0) throw new DomainError("drawing:errors.oneFile", { status: 400 });
      if (!file) throw new DomainError("drawing:errors.noFile", { status: 400, field: "file" });
      return use({ fields, file });
    },
    drawingRefusal,
  );
}
