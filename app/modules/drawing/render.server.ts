import { createHash } from "node:crypto";
import fsp from "node:fs/promises";
import * as mupdf from "mupdf";
import sharp from "sharp";
import { DomainError } from "~/infra/domain-error";
import { readHead } from "~/infra/upload-spool.server";
import { imageImpurity } from "~/modules/photo/purity";
import { checkPageSize, DRAWING_LIMITS, type DrawingLimits, renderScale } from "./limits";
import { openPdfFile } from "./pdf-file.server";
import { type DrawingSourceFormat, sniffDrawingFormat } from "./sniff";

export const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export type RenderedImage = { bytes: Buffer; sha256: string; width: number; height: number };
export type RenderedSheet = { pageIndex: number; full: RenderedImage; preview: RenderedImage };
export type InspectedSource = {
  format: DrawingSourceFormat;
  sha256: string;
  pages: { width: number; height: number }[];
};

type FileRefusal =
  | "empty"
  | "notDrawing"
  | "corrupt"
  | "encrypted"
  | "tooManyPages"
  | "pdfNameNotPdf"
  | "imageTooSmall"
  | "notPure"
  | "noPages"
  | "tooManyPixels"
  | "pageTooLarge"
  | "pageTooSmall"
  | "pageUnrenderable";

/** A refused file, named in the message; 422 unless the file is not a drawing at all (415). */
function refused(
  code: FileRefusal,
  name: string,
  params: Record<string, string | number> = {},
  status = 422,
) {
  return new DomainError(`drawing:errors.${code}`, { status, params: { name, ...params } });
}

type OpenPdf = { doc: mupdf.Document; pages: { width: number; height: number }[] };

function openPdf(source: Buffer | string, name: string, limits: DrawingLimits): OpenPdf {
  let doc: mupdf.Document;
  let count: number;
  try {
    doc =
      typeof source === "string"
        ? openPdfFile(source)
        : mupdf.Document.openDocument(source, "application/pdf");
    if (doc.needsPassword()) throw refused("encrypted", name);
    count = doc.countPages();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw refused("corrupt", name);
  }
  if (count === 0) throw refused("noPages", name);
  if (count > limits.maxPages)
    throw refused("tooManyPages", name, { pages: count, max: limits.maxPages });
  const pages: { width: number; height: number }[] = [];
  for (let index = 0; index < count; index++) {
    let bounds: number[];
    try {
      bounds = doc.loadPage(index).getBounds() as number[];
    } catch {
      throw refused("corrupt", name);
    }
    const page = { width: bounds[2]! - bounds[0]!, height: bounds[3]! - bounds[1]! };
    const check = checkPageSize({ ...page, index }, limits);
    if (!check.ok) throw refused(check.code, name, { page: check.page, size: check.size });
    pages.push(page);
  }
  return { doc, pages };
}

async function encoded(pipeline: sharp.Sharp, format: "png" | "webp"): Promise<RenderedImage> {
  const { data, info } = await (format === "png"
    ? // Line drawings: lossless PNG keeps hairlines exact and, unfiltered, encodes ~15× faster than WebP.
      pipeline.png({ compressionLevel: 6, adaptiveFiltering: false })
    : pipeline.webp({ quality: 80 })
  ).toBuffer({ resolveWithObject: true });
  return { bytes: data, sha256: sha256Of(data), width: info.width, height: info.height };
}

async function imagesOf(raw: sharp.Sharp, limits: DrawingLimits) {
  const long = limits.previewLongSidePx;
  const [full, preview] = await Promise.all([
    encoded(raw.clone(), "png"),
    encoded(raw.clone().resize({ width: long, height: long, fit: "inside" }), "webp"),
  ]);
  return { full, preview };
}

function renderPdfPage(doc: mupdf.Document, index: number, limits: DrawingLimits) {
  const page = doc.loadPage(index);
  const b = page.getBounds() as number[];
  const scale = renderScale({ width: b[2]! - b[0]!, height: b[3]! - b[1]! }, limits);
  const pixmap = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false);
  try {
    const width = pixmap.getWidth();
    const height = pixmap.getHeight();
    const stride = pixmap.getStride();
    const pixels = Buffer.from(pixmap.getPixels());
    // Rows may be padded; sharp wants them packed.
    const packed = stride === width * 3 ? pixels : packRows(pixels, width, height, stride);
    return sharp(packed, { raw: { width, height, channels: 3 } });
  } finally {
    pixmap.destroy();
    page.destroy();
  }
}

function packRows(pixels: Buffer, width: number, height: number, stride: number): Buffer {
  const out = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    pixels.copy(out, y * width * 3, y * stride, y * stride + width * 3);
  return out;
}

/** A drawing already on disk (a spooled upload): its path, size and SHA-256. */
export type SourceFile = { path: string; size: number; sha256: string };

/**
 * Checks an upload without rendering it: format by magic bytes, then PDF pages and sizes, or
 * image dimensions. A file on disk is read as little as possible: its first 4 KiB to sniff it, a
 * PDF through a mupdf stream on the file; only an image sheet is read whole (its structure is
 * checked to the last byte, and libvips decodes it anyway).
 */
export async function inspectSource(
  source: Buffer | SourceFile,
  name: string,
  limits: DrawingLimits = DRAWING_LIMITS,
): Promise<InspectedSource> {
  const onDisk = Buffer.isBuffer(source) ? null : source;
  const size = onDisk ? onDisk.size : (source as Buffer).length;
  if (size === 0) throw refused("empty", name);
  const head = onDisk ? await readHead(onDisk.path, 4096) : (source as Buffer);
  const format = sniffDrawingFormat(head);
  if (!format) throw refused("notDrawing", name, {}, 415);
  if (format !== "pdf" && /\.pdf$/i.test(name)) throw refused("pdfNameNotPdf", name, {}, 415);
  if (format === "pdf") {
    const { doc, pages } = openPdf(onDisk ? onDisk.path : (source as Buffer), name, limits);
    doc.destroy();
    return { format, sha256: onDisk ? onDisk.sha256 : sha256Of(source as Buffer), pages };
  }
  const bytes = onDisk ? await fsp.readFile(onDisk.path) : (source as Buffer);
  const impurity = imageImpurity(bytes, format);
  if (impurity === "broken") throw refused("corrupt", name);
  if (impurity) throw refused("notPure", name);
  const sha256 = onDisk ? onDisk.sha256 : sha256Of(bytes);
  try {
    const meta = await sharp(bytes, { limitInputPixels: limits.maxImagePixels }).metadata();
    if (!meta.width || !meta.height) throw new Error("no size");
    if (Math.min(meta.width, meta.height) < limits.minImageSidePx)
      throw refused("imageTooSmall", name, {
        width: meta.width,
        height: meta.height,
        min: limits.minImageSidePx,
      });
    return { format, sha256, pages: [{ width: meta.width, height: meta.height }] };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const text = String(error);
    if (/pixel limit/i.test(text)) throw refused("tooManyPixels", name);
    throw refused("corrupt", name);
  }
}

/** Renders the given pages of a checked upload to a full-resolution WebP and a preview each. */
export async function renderSource(
  bytes: Buffer,
  name: string,
  format: DrawingSourceFormat,
  pageIndexes: number[],
  limits: DrawingLimits = DRAWING_LIMITS,
): Promise<RenderedSheet[]> {
  if (format !== "pdf") {
    try {
      // strict: a file libvips warns about (truncated, damaged) is refused
      const image = sharp(bytes, { limitInputPixels: limits.maxImagePixels, failOn: "warning" })
        .rotate()
        .flatten({ background: "#ffffff" })
        .resize({
          width: limits.fullLongSidePx,
          height: limits.fullLongSidePx,
          fit: "inside",
          withoutEnlargement: true,
        });
      const raw = await image.raw().toBuffer({ resolveWithObject: true });
      const base = sharp(raw.data, {
        raw: { width: raw.info.width, height: raw.info.height, channels: raw.info.channels },
      });
      return [{ pageIndex: 0, ...(await imagesOf(base, limits)) }];
    } catch {
      throw refused("corrupt", name);
    }
  }
  const { doc } = openPdf(bytes, name, limits);
  try {
    const out: RenderedSheet[] = [];
    for (const index of pageIndexes) {
      let raw: sharp.Sharp;
      try {
        raw = renderPdfPage(doc, index, limits);
      } catch {
        throw refused("pageUnrenderable", name, { page: index + 1 });
      }
      out.push({ pageIndex: index, ...(await imagesOf(raw, limits)) });
    }
    return out;
  } finally {
    doc.destroy();
  }
}
