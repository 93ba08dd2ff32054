import { createHash } from "node:crypto";
import sharp from "sharp";
import { DomainError } from "~/infra/domain-error";
import type { MessageKey } from "~/locales/resources";
import { zhT } from "~/modules/acceptance/zh";

export const SIGNATURE_MAX_BYTES = 400_000;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export type SignatureImage = { png: Buffer; sha256: string };

type SignatureProblem = Extract<MessageKey, `acceptance:errors.signature${string}`>;

async function problemOf(png: Buffer): Promise<SignatureProblem | null> {
  if (png.length > SIGNATURE_MAX_BYTES) return "acceptance:errors.signatureTooLarge";
  if (png.length < PNG_MAGIC.length || !png.subarray(0, 8).equals(PNG_MAGIC))
    return "acceptance:errors.signatureInvalid";
  try {
    const image = sharp(png);
    const meta = await image.metadata();
    if (!meta.width || !meta.height || meta.width > 2000 || meta.height > 1000)
      return "acceptance:errors.signatureBadSize";
    // Ink is the alpha channel on a transparent canvas: no ink, no signature.
    const stats = await image.ensureAlpha().stats();
    const alpha = stats.channels[3];
    if (!alpha || alpha.max === 0) return "acceptance:errors.signatureMissing";
  } catch {
    return "acceptance:errors.signatureInvalid";
  }
  return null;
}

/**
 * A drawn signature from the canvas as a data URL: a real, non-blank PNG, else a 400 refusal on
 * the `signature` field.
 */
export async function readSignature(dataUrl: string): Promise<SignatureImage> {
  const prefix = "data:image/png;base64,";
  const png = dataUrl.startsWith(prefix)
    ? Buffer.from(dataUrl.slice(prefix.length), "base64")
    : null;
  const problem = png ? await problemOf(png) : "acceptance:errors.signatureMissing";
  if (problem || !png)
    throw new DomainError(problem ?? "acceptance:errors.signatureMissing", {
      status: 400,
      field: "signature",
    });
  return { png, sha256: createHash("sha256").update(png).digest("hex") };
}

/**
 * @deprecated for callers still answering `{ error }` (the lot page): the refusal in Chinese.
 * Use readSignature, which throws a DomainError.
 */
export async function parseSignatureDataUrl(
  dataUrl: string,
): Promise<SignatureImage | { error: string }> {
  try {
    return await readSignature(dataUrl);
  } catch (error) {
    if (error instanceof DomainError) return { error: error.text(zhT()) };
    throw error;
  }
}
