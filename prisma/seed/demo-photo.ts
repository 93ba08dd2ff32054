import sharp from "sharp";

/**
 * A plausible site photo for the demo: a wall-coloured field with a darker patch (the defect) or
 * a clean, freshly painted one (after rectification). 1200×900 JPEG, no EXIF.
 */
export async function demoPhoto(kind: "before" | "after", seed: number): Promise<Buffer> {
  const wall = kind === "before" ? { r: 196, g: 188, b: 172 } : { r: 232, g: 229, b: 220 };
  const shift = (seed * 37) % 40;
  const patch =
    kind === "before"
      ? [
          {
            input: Buffer.from(
              `<svg width="1200" height="900"><ellipse cx="${520 + shift * 5}" cy="${430 + shift}" rx="${170 + shift}" ry="110" fill="#7d6f5c" opacity="0.75"/><path d="M ${300 + shift} 200 L ${420 + shift} 380 L ${380 + shift} 520" stroke="#4a3f33" stroke-width="6" fill="none"/></svg>`,
            ),
            left: 0,
            top: 0,
          },
        ]
      : [
          {
            input: Buffer.from(
              `<svg width="1200" height="900"><rect x="0" y="780" width="1200" height="120" fill="#9a9388"/></svg>`,
            ),
            left: 0,
            top: 0,
          },
        ];
  return sharp({ create: { width: 1200, height: 900, channels: 3, background: wall } })
    .composite(patch)
    .jpeg({ quality: 82 })
    .toBuffer();
}
