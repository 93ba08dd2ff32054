import { createHash } from "node:crypto";
import sharp from "sharp";

export const SIGNATURE_MAX_BYTES = 400_000;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export type SignatureImage = { png: Buffer; sha256: string };

/** A drawn signature from the canvas as a data URL: a real, non-blank PNG, or a Chinese message. */
export async function parseSignatureDataUrl(
  dataUrl: string,
): Promise<SignatureImage | { error: string }> {
  const prefix = "data:image/png;base64,";
  if (!dataUrl.startsWith(prefix)) return { error: "请先在签字框内手写签名" };
  const png = Buffer.from(dataUrl.slice(prefix.length), "base64");
  if (png.length > SIGNATURE_MAX_BYTES) return { error: "签名图片过大，请清除后重签" };
  if (png.length < PNG_MAGIC.length || !png.subarray(0, 8).equals(PNG_MAGIC))
    return { error: "签名图片无效，请清除后重签" };
  try {
    const image = sharp(png);
    const meta = await image.metadata();
    if (!meta.width || !meta.height || meta.width > 2000 || meta.height > 1000)
      return { error: "签名图片尺寸无效，请清除后重签" };
    // Ink is the alpha channel on a transparent canvas: no ink, no signature.
    const stats = await image.ensureAlpha().stats();
    const alpha = stats.channels[3];
    if (!alpha || alpha.max === 0) return { error: "请先在签字框内手写签名" };
  } catch {
    return { error: "签名图片无效，请清除后重签" };
  }
  return { png, sha256: createHash("sha256").update(png).digest("hex") };
}
