/**
 * What a file is, from its first bytes: never from the client's content type or file name.
 * Pure; the pipeline still decodes the whole file, so a right header on a broken body fails there.
 */

export const PHOTO_FORMATS = ["jpeg", "png", "webp", "heif"] as const;
export type PhotoFormat = (typeof PHOTO_FORMATS)[number];

export const PHOTO_MIME: Record<PhotoFormat, string> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  heif: "image/heif",
};

export const PHOTO_EXTENSION: Record<PhotoFormat, string> = {
  jpeg: "jpg",
  png: "png",
  webp: "webp",
  heif: "heic",
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** ISO-BMFF brands of HEIF stills (HEIC from phones, AVIF). */
const HEIF_BRANDS = new Set([
  "heic",
  "heix",
  "heim",
  "heis",
  "hevc",
  "hevx",
  "mif1",
  "msf1",
  "avif",
]);

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

function isHeif(bytes: Uint8Array): boolean {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== "ftyp") return false;
  const boxSize = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  const end = Math.min(boxSize, bytes.length);
  if (HEIF_BRANDS.has(ascii(bytes, 8, 12))) return true;
  // compatible brands follow the major brand and its minor version
  for (let at = 16; at + 4 <= end; at += 4)
    if (HEIF_BRANDS.has(ascii(bytes, at, at + 4))) return true;
  return false;
}

/** The photo format the bytes declare, or null when they are not a photo format we accept. */
export function sniffPhotoFormat(bytes: Uint8Array): PhotoFormat | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, PNG_SIGNATURE)) return "png";
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP")
    return "webp";
  if (isHeif(bytes)) return "heif";
  return null;
}
