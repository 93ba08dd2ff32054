import { createHash } from "node:crypto";
import sharp from "sharp";
import { photoMessages as msg, PhotoError } from "./errors";
import { type PhotoExif, readExif } from "./exif.server";
import { type WatermarkInfo, watermarkLines } from "./labels";
import { type PhotoFormat, sniffPhotoFormat } from "./sniff";

// Decoded images are not kept between requests: a server holds many photos' memory otherwise.
sharp.cache(false);

export const DISPLAY_MAX = 2048;
export const THUMB_MAX = 320;
export const MIN_SIDE = 200;
/** Default pixel limit: 100 MP (12–50 MP phones pass; decompression bombs do not). */
export const DEFAULT_MAX_PIXELS = 100_000_000;
export const WATERMARK_FONT = "Noto Sans CJK SC";

export type Derived = { bytes: Buffer; sha256: string; width: number; height: number };

export type ProcessedPhoto = {
  format: PhotoFormat;
  sha256: string;
  byteSize: number;
  /** upright size of the original */
  width: number;
  height: number;
  exif: PhotoExif;
  display: Derived & { format: "webp" };
  thumb: Derived & { format: "webp" };
};

export const sha256Of = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Checks the bytes are a photo we can decode and not a bomb; returns its format and upright size. */
async function inspect(original: Buffer, name: string, maxPixels: number) {
  if (original.length === 0) throw new PhotoError(msg.empty(name));
  const format = sniffPhotoFormat(original);
  if (!format) throw new PhotoError(msg.notPhoto(name), 415);
  let meta: sharp.Metadata;
  try {
    meta = await sharp(original, { limitInputPixels: false }).metadata();
  } catch {
    throw new PhotoError(format === "heif" ? msg.heicUnsupported(name) : msg.corrupt(name), 422);
  }
  const w = meta.width ?? 0;
  const h = meta.height ?? 0;
  if (w * h > maxPixels) throw new PhotoError(msg.tooManyPixels(name, w, h, maxPixels));
  if (Math.min(w, h) < MIN_SIDE) throw new PhotoError(msg.tooSmall(name, w, h));
  return { format, width: meta.autoOrient?.width ?? w, height: meta.autoOrient?.height ?? h };
}

function escapeMarkup(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A translucent band with the watermark's lines in white, sized to the image. */
async function watermarkBand(lines: string[], imageWidth: number, imageHeight: number) {
  const size = Math.max(12, Math.round(Math.min(imageWidth, imageHeight) / 48));
  const pad = Math.round(size * 0.6);
  const text = await sharp({
    text: {
      text: `<span foreground="#ffffff">${lines.map(escapeMarkup).join("\n")}</span>`,
      font: `${WATERMARK_FONT} ${size}`,
      dpi: 72,
      rgba: true,
      width: imageWidth - 4 * pad,
      wrap: "word-char",
      spacing: Math.round(size * 0.25),
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  const width = Math.min(text.info.width + 2 * pad, imageWidth - 2 * pad);
  const height = Math.min(text.info.height + 2 * pad, imageHeight - 2 * pad);
  const band = await sharp({
    create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.55 } },
  })
    .composite([{ input: text.data, left: pad, top: pad, gravity: "northwest" }])
    .png()
    .toBuffer();
  return { band, left: pad, top: imageHeight - height - pad };
}

type Raw = { data: Buffer; info: sharp.OutputInfo };

async function encode(
  raw: Raw,
  options: { maxSide: number; quality: number; effort: number; overlay?: sharp.OverlayOptions },
) {
  const { width, height, channels } = raw.info;
  let image = sharp(raw.data, { raw: { width, height, channels } }).resize({
    width: options.maxSide,
    height: options.maxSide,
    fit: "inside",
    withoutEnlargement: true,
  });
  if (options.overlay) image = image.composite([options.overlay]);
  const out = await image
    .webp({ quality: options.quality, effort: options.effort })
    .toBuffer({ resolveWithObject: true });
  return {
    bytes: out.data,
    sha256: sha256Of(out.data),
    width: out.info.width,
    height: out.info.height,
    format: "webp" as const,
  };
}

/**
 * One photo's way through sharp: check, hash the untouched original, read EXIF, decode once
 * (upright, ≤ 2048 px), then encode the display copy with the watermark burnt in, and the thumbnail.
 * Derived copies are made from raw pixels, so no EXIF (GPS above all) reaches them.
 */
export async function processPhoto(
  original: Buffer,
  info: WatermarkInfo,
  options: { name?: string; now?: Date; maxPixels?: number } = {},
): Promise<ProcessedPhoto> {
  const name = options.name ?? "照片";
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  const checked = await inspect(original, name, maxPixels);
  const sha256 = sha256Of(original);
  const exif = await readExif(original);
  let upright: { data: Buffer; info: sharp.OutputInfo };
  try {
    upright = await sharp(original, { limitInputPixels: maxPixels, failOn: "warning" })
      .rotate()
      .resize({ width: DISPLAY_MAX, height: DISPLAY_MAX, fit: "inside", withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      .toColourspace("srgb")
      .raw({ depth: "uchar" })
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw new PhotoError(
      checked.format === "heif" ? msg.heicUnsupported(name) : msg.corrupt(name),
      checked.format === "heif" ? 415 : 422,
    );
  }
  const { width, height } = upright.info;
  const lines = watermarkLines(info, exif.capturedAt, options.now ?? new Date());
  const mark = await watermarkBand(lines, width, height);
  const [display, thumb] = await Promise.all([
    // The display copy is already ≤ 2048 px, so the mark lands where it was measured for.
    // effort 2: a third of the default's time at 2048 px for a few percent more bytes (bench:photos)
    encode(upright, {
      maxSide: DISPLAY_MAX,
      quality: 82,
      effort: 2,
      overlay: { input: mark.band, left: mark.left, top: mark.top },
    }),
    // The thumbnail is a preview only: at 320 px the mark could not be read anyway.
    encode(upright, { maxSide: THUMB_MAX, quality: 70, effort: 4 }),
  ]);
  return {
    format: checked.format,
    sha256,
    byteSize: original.length,
    width: checked.width,
    height: checked.height,
    exif,
    display,
    thumb,
  };
}
