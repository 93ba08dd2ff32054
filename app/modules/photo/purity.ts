/**
 * Whether an image file is only an image: its structure ends where the format says it ends (no
 * trailing data) and it carries no markup a browser would run if the file were ever served or
 * opened as a page (a JPEG/HTML polyglot). Pure; the decoder still checks the pixels.
 */
import type { PhotoFormat } from "./sniff";

/** Markup that makes a file a web page as well; compared case-insensitively. */
const MARKUP = [
  "<html",
  "<script",
  "<body",
  "<iframe",
  "<svg",
  "<!doctype",
  "<?php",
  "<object",
  "<embed",
];

const MARKUP_BYTES = MARKUP.map((m) => Buffer.from(m.slice(1), "latin1"));

/** Native search for each '<', then a case-insensitive compare of what follows: ~1 ms for 4 MB. */
function containsMarkup(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = buf.indexOf(0x3c); at >= 0; at = buf.indexOf(0x3c, at + 1)) {
    for (const m of MARKUP_BYTES) {
      let i = 0;
      while (i < m.length && ((buf[at + 1 + i] ?? 0) | 0x20) === m[i]) i++;
      if (i === m.length) return true;
    }
  }
  return false;
}

/** Offset just past a JPEG's EOI marker, or -1 when the structure is broken. */
export function jpegEnd(bytes: Uint8Array, from = 0, segments: Uint8Array[] = []): number {
  if (bytes[from] !== 0xff || bytes[from + 1] !== 0xd8) return -1;
  let at = from + 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return -1;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) return at + 2;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (length < 2) return -1;
    segments.push(bytes.subarray(at + 4, at + 2 + length));
    at += 2 + length;
    if (marker !== 0xda) continue;
    // entropy-coded data: runs to the next marker that is not a stuffed 0x00 or a restart
    for (;;) {
      at = bytes.indexOf(0xff, at);
      if (at < 0 || at + 1 >= bytes.length) return -1;
      const next = bytes[at + 1]!;
      if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
        at += next === 0xff ? 1 : 2;
        continue;
      }
      break;
    }
  }
  if (at + 2 <= bytes.length && bytes[at] === 0xff && bytes[at + 1] === 0xd9) return at + 2;
  return -1;
}

function pngEnd(bytes: Uint8Array, segments: Uint8Array[]): number {
  let at = 8;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (type !== "IDAT") segments.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
    if (type === "IEND") return at <= bytes.length ? at : -1;
  }
  return -1;
}

const WEBP_IMAGE_CHUNKS = new Set(["VP8 ", "VP8L", "ALPH", "ANMF"]);

function webpEnd(bytes: Uint8Array, segments: Uint8Array[]): number {
  if (bytes.length < 12) return -1;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = view.getUint32(4, true);
  const end = 8 + size + (size % 2);
  if (end > bytes.length) return -1;
  for (let at = 12; at + 8 <= end; ) {
    const type = String.fromCharCode(...bytes.subarray(at, at + 4));
    const length = view.getUint32(at + 4, true);
    if (!WEBP_IMAGE_CHUNKS.has(type)) segments.push(bytes.subarray(at + 8, at + 8 + length));
    at += 8 + length + (length % 2);
  }
  return end;
}

/** Only zero or 0xFF padding may follow the end (some cameras pad to a block size). */
function onlyPadding(bytes: Uint8Array, from: number): boolean {
  for (let i = from; i < bytes.length; i++)
    if (bytes[i] !== 0x00 && bytes[i] !== 0xff) return false;
  return true;
}

export type Impurity = "trailing-data" | "markup" | "broken";

/**
 * What makes the file more (or less) than one image, or null when it is exactly one image.
 * Markup is looked for in the metadata segments only (comments, EXIF/XMP, text chunks): in
 * compressed pixel data any short byte string turns up by chance in some photos.
 */
export function imageImpurity(
  bytes: Uint8Array,
  format: Exclude<PhotoFormat, "heif">,
): Impurity | null {
  const segments: Uint8Array[] = [];
  let end: number;
  if (format === "jpeg") {
    end = jpegEnd(bytes, 0, segments);
    // Multi-picture (MPF) JPEGs from phones carry their second image after the first: allowed,
    // as long as what follows is itself whole JPEGs.
    while (end > 0 && end < bytes.length && bytes[end] === 0xff && bytes[end + 1] === 0xd8) {
      const next = jpegEnd(bytes, end, segments);
      if (next < 0) break;
      end = next;
    }
  } else if (format === "png") end = pngEnd(bytes, segments);
  else end = webpEnd(bytes, segments);
  if (end < 0) return "broken";
  if (segments.some((segment) => containsMarkup(segment))) return "markup";
  return onlyPadding(bytes, end) ? null : "trailing-data";
}
