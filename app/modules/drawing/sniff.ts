import { type PhotoFormat, sniffPhotoFormat } from "~/modules/photo/sniff";

export type DrawingSourceFormat = "pdf" | Exclude<PhotoFormat, "heif">;

/** What an uploaded drawing is, from its bytes: a PDF (header within the first 1 KiB, as the spec allows) or an image. */
export function sniffDrawingFormat(bytes: Uint8Array): DrawingSourceFormat | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (head.includes("%PDF-")) return "pdf";
  const photo = sniffPhotoFormat(bytes);
  return photo === "heif" ? null : photo;
}

const SOURCE_FORMATS: readonly string[] = ["pdf", "jpeg", "png", "webp"];

/** A stored revision's `sourceFormat`, read back as the format it was sniffed as. */
export const isDrawingSourceFormat = (value: string): value is DrawingSourceFormat =>
  SOURCE_FORMATS.includes(value);
