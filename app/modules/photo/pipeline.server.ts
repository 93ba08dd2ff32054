import { createHash } from "node:crypto";
import sharp from "sharp";
import { uploadRefusal } from "~/infra/upload-error";
import { recordT } from "~/modules/defect/labels";
import { type PhotoExif, readExif } from "./exif.server";
import { type WatermarkInfo, watermarkLines } from "./labels";
import { imageImpurity } from "./purity";
import { type PhotoFormat, sniffPhotoFormat } from "./sniff";
import { watermarkBand } from "./watermark.server";

// Decoded images are not kept between requests: a server holds many photos' memory otherwise.
sharp.cache(false);

export { WATERMARK_FONT } from "./watermark.server";
export const DISPLAY_MAX = 2048;
export const THUMB_MAX = 320;
export const MIN_SIDE = 200;
/** Default pixel limit: 100 MP (12–50 MP phones pass; decompression bombs do not). */
export const DEFAULT_MAX_PIXELS = 100_000_000;

export type Derived = { bytes: Buffer; sha256: string; width: number; height: number };

export type ProcessedPhoto = {
  format: PhotoFormat;
  sha256: string;
  byteSize: number;
  /** upright size of the original */
  width: number;
  height: number;
  exif: PhotoExif;
  display: Derived & { format: "jpeg" };
  thumb: Derived & { format: "webp" };
};

export const sha256Of = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** EXIF orientation → the turn and mirror that make the pixels upright (applied after resizing). */
const ORIENT: Record<number, { angle: number; flop: boolean }> = {
  1: { angle: 0, flop: false },
  2: { angle: 0, flop: true },
  3: { angle: 180, flop: false },
  4: { angle: 180, flop: true },
  5: { angle: 270, flop: true },
  6: { angle: 90, flop: false },
  7: { angle: 90, flop: true },
  8: { angle: 270, flop: false },
};

/**
 * Checks the bytes are one photo we can decode and not a bomb: format by content, nothing
 * before or after the image (polyglots, trailing data), header size within the limits.
 */
async function inspect(original: Buffer, name: string, maxPixels: number) {
  if (original.length === 0) throw uploadRefusal("photo:errors.empty", 422, { name });
  const format = sniffPhotoFormat(original);
  if (!format) throw uploadRefusal("photo:errors.notPhoto", 415, { name });
  if (format !== "heif") {
    const impurity = imageImpurity(original, format);
    if (impurity === "broken") throw uploadRefusal("photo:errors.corrupt", 422, { name });
    if (impurity) throw uploadRefusal("photo:errors.notPure", 422, { name });
  }
  let meta: sharp.Metadata;
  try {
    // header only: no pixels are decoded here
    meta = await sharp(original, { limitInputPixels: false }).metadata();
  } catch {
    throw uploadRefusal(
      format === "heif" ? "photo:errors.heicUnsupported" : "photo:errors.corrupt",
      422,
      { name },
    );
  }
  const w = meta.width ?? 0;
  const h = meta.height ?? 0;
  if (w * h > maxPixels)
    throw uploadRefusal("photo:errors.tooManyPixels", 422, {
      name,
      w,
      h,
      mp: Math.round(maxPixels / 1e6),
    });
  if (Math.min(w, h) < MIN_SIDE) throw uploadRefusal("photo:errors.tooSmall", 422, { name, w, h });
  const orient = ORIENT[meta.orientation ?? 1] ?? ORIENT[1]!;
  const turned = orient.angle === 90 || orient.angle === 270;
  return { format, orient, width: turned ? h : w, height: turned ? w : h };
}

/**
 * One photo's way through sharp: check, read EXIF, decode once and shrink to ≤ 2048 px (strictly:
 * a file libvips warns about is refused), turn upright at that size, then encode the display
 * copy (JPEG, watermark burnt in) and the thumbnail (WebP) in parallel. Derived copies are made
 * from raw pixels, so no EXIF (GPS above all) reaches them. `sha256`: the original's hash when
 * the caller computed it while the upload streamed.
 */
export async function processPhoto(
  original: Buffer,
  info: WatermarkInfo,
  options: { name?: string; now?: Date; maxPixels?: number; sha256?: string } = {},
): Promise<ProcessedPhoto> {
  const name = options.name ?? recordT()("photo:watermark.defaultName");
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  const checked = await inspect(original, name, maxPixels);
  const sha256 = options.sha256 ?? sha256Of(original);
  let shrunk: { data: Buffer; info: sharp.OutputInfo };
  let exif: PhotoExif;
  try {
    // The box is square, so shrinking before turning upright gives the same size, and turning
    // ~4 MP costs a third of turning 12 MP.
    [shrunk, exif] = await Promise.all([
      sharp(original, { limitInputPixels: maxPixels, failOn: "warning" })
        .resize({
          width: DISPLAY_MAX,
          height: DISPLAY_MAX,
          fit: "inside",
          withoutEnlargement: true,
        })
        .flatten({ background: "#ffffff" })
        .toColourspace("srgb")
        .raw({ depth: "uchar" })
        .toBuffer({ resolveWithObject: true }),
      readExif(original),
    ]);
  } catch {
    throw uploadRefusal(
      checked.format === "heif" ? "photo:errors.heicUnsupported" : "photo:errors.corrupt",
      checked.format === "heif" ? 415 : 422,
      { name },
    );
  }
  const raw = {
    width: shrunk.info.width,
    height: shrunk.info.height,
    channels: shrunk.info.channels,
  };
  const { angle, flop } = checked.orient;
  const turned = angle === 90 || angle === 270;
  // Turned upright inside each encode's own pipeline: no extra pass over the pixels.
  const upright = (image: sharp.Sharp) => {
    let out = image;
    if (flop) out = out.flop();
    if (angle) out = out.rotate(angle);
    return out;
  };
  const width = turned ? raw.height : raw.width;
  const height = turned ? raw.width : raw.height;
  const lines = watermarkLines(info, exif.capturedAt, options.now ?? new Date(), recordT());
  const mark = await watermarkBand(lines, width, height);
  const pixels = () => sharp(shrunk.data, { raw });
  const thumbnail = async () => {
    // The thumbnail is a preview only: at 320 px the mark could not be read anyway.
    // Shrunk first, then turned.
    const small = await pixels()
      .resize({ width: THUMB_MAX, height: THUMB_MAX, fit: "inside", withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const { width: w, height: h, channels: c } = small.info;
    return upright(sharp(small.data, { raw: { width: w, height: h, channels: c } }))
      .webp({ quality: 70, effort: 2 })
      .toBuffer({ resolveWithObject: true });
  };
  const [display, thumb] = await Promise.all([
    // JPEG, not WebP: a fraction of the time at 2048 px for similar bytes at this quality (0009);
    // no second Huffman pass (optimiseCoding) for a few percent more bytes.
    upright(pixels())
      .composite([mark])
      .jpeg({ quality: 82, optimiseCoding: false })
      .toBuffer({ resolveWithObject: true }),
    thumbnail(),
  ]);
  const derived = (out: { data: Buffer; info: sharp.OutputInfo }) => ({
    bytes: out.data,
    sha256: sha256Of(out.data),
    width: out.info.width,
    height: out.info.height,
  });
  return {
    format: checked.format,
    sha256,
    byteSize: original.length,
    width: checked.width,
    height: checked.height,
    exif,
    display: { ...derived(display), format: "jpeg" },
    thumb: { ...derived(thumb), format: "webp" },
  };
}
