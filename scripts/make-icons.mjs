/**
 * Writes the installable app's icons (public/icons/*.png) from the favicon's mark with sharp.
 * Run once after changing the mark: `node scripts/make-icons.mjs`; the PNGs are committed.
 */
import { mkdir } from "node:fs/promises";
import sharp from "sharp";

const GREEN = "#0f5132";
const check = `<path d="M16 33l11 11 21-24" fill="none" stroke="#fff" stroke-width="7" stroke-linecap="round" stroke-linejoin="round"/>`;
/** `any`: the rounded tile as on the favicon; `maskable`: full bleed, mark inside the safe zone. */
const svg = {
  any: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="${GREEN}"/>${check}</svg>`,
  maskable: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${GREEN}"/><g transform="translate(12.8 12.8) scale(0.6)">${check}</g></svg>`,
};
const outputs = [
  { file: "icon-192.png", size: 192, kind: "any" },
  { file: "icon-512.png", size: 512, kind: "any" },
  { file: "maskable-512.png", size: 512, kind: "maskable" },
  { file: "apple-touch-icon.png", size: 180, kind: "maskable" },
];

await mkdir("public/icons", { recursive: true });
for (const { file, size, kind } of outputs) {
  await sharp(Buffer.from(svg[kind]), { density: (72 * size) / 64 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toFile(`public/icons/${file}`);
  console.log(`public/icons/${file} ${size}×${size}`);
}
