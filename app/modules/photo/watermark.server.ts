import sharp from "sharp";

export const WATERMARK_FONT = "Noto Sans CJK SC";

function escapeMarkup(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

type Rendered = { data: Buffer; width: number; height: number };

/**
 * Pango renders one line of text in ~10 ms; the project, compound, place, work type and
 * uploader repeat from photo to photo, so each line's rendering is kept (by text, size and
 * wrap width) and only a new line (the capture time, mostly) is rendered again.
 */
const lineCache = new Map<string, Promise<Rendered>>();
const LINE_CACHE_MAX = 256;

function renderLine(text: string, size: number, wrapWidth: number): Promise<Rendered> {
  const key = `${size}|${wrapWidth}|${text}`;
  let hit = lineCache.get(key);
  if (hit) {
    // most recently used last
    lineCache.delete(key);
    lineCache.set(key, hit);
    return hit;
  }
  hit = sharp({
    text: {
      text: `<span foreground="#ffffff">${escapeMarkup(text)}</span>`,
      font: `${WATERMARK_FONT} ${size}`,
      dpi: 72,
      rgba: true,
      width: wrapWidth,
      wrap: "word-char",
      spacing: Math.round(size * 0.25),
    },
  })
    .raw()
    .toBuffer({ resolveWithObject: true })
    .then(({ data, info }) => ({ data, width: info.width, height: info.height }));
  hit.catch(() => lineCache.delete(key));
  lineCache.set(key, hit);
  while (lineCache.size > LINE_CACHE_MAX) lineCache.delete(lineCache.keys().next().value!);
  return hit;
}

/**
 * A translucent band with the watermark's lines in white, sized to the image (bottom left),
 * as raw RGBA pixels ready to composite.
 */
export async function watermarkBand(lines: string[], imageWidth: number, imageHeight: number) {
  const size = Math.max(12, Math.round(Math.min(imageWidth, imageHeight) / 48));
  const pad = Math.round(size * 0.6);
  const gap = Math.round(size * 0.25);
  const rendered = await Promise.all(lines.map((l) => renderLine(l, size, imageWidth - 4 * pad)));
  const textWidth = Math.max(...rendered.map((r) => r.width));
  const textHeight = rendered.reduce((s, r) => s + r.height, 0) + gap * (rendered.length - 1);
  const width = Math.min(textWidth + 2 * pad, imageWidth - 2 * pad);
  const height = Math.min(textHeight + 2 * pad, imageHeight - 2 * pad);
  let top = pad;
  const overlays: sharp.OverlayOptions[] = [];
  for (const r of rendered) {
    if (top + r.height <= height && pad + r.width <= width)
      overlays.push({
        input: r.data,
        raw: { width: r.width, height: r.height, channels: 4 },
        left: pad,
        top,
      });
    top += r.height + gap;
  }
  const band = await sharp({
    create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.55 } },
  })
    .composite(overlays)
    .raw()
    .toBuffer();
  return {
    input: band,
    raw: { width, height, channels: 4 as const },
    left: pad,
    top: imageHeight - height - pad,
  };
}
