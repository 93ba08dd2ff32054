/**
 * npm run bench:drawings — renders a generated 20-page A1 (841 × 594 mm) vector drawing set the
 * way an upload does (mupdf → raw pixels → sharp WebP full image + preview) and prints ms/page.
 */
import os from "node:os";
import { DRAWING_LIMITS } from "~/modules/drawing/limits";
import { inspectSource, renderSource } from "~/modules/drawing/render.server";
import { drawingSetPdf } from "../prisma/seed/drawing-pdf";

const PAGES = Number(process.env.BENCH_PAGES ?? 20);

async function main() {
  const sheets = Array.from({ length: PAGES }, (_, i) => ({
    number: `E-${String(i + 1).padStart(2, "0")}`,
    title: `PLAN ${i + 1}`,
  }));
  const t0 = performance.now();
  const pdf = Buffer.from(await drawingSetPdf(sheets, { detail: 24 }));
  const tGen = performance.now() - t0;
  const t1 = performance.now();
  const source = await inspectSource(pdf, "bench.pdf");
  const tInspect = performance.now() - t1;
  let peakRss = process.memoryUsage().rss;
  const times: number[] = [];
  let fullBytes = 0;
  let previewBytes = 0;
  let size = "";
  for (let i = 0; i < source.pages.length; i++) {
    const t = performance.now();
    const [r] = await renderSource(pdf, "bench.pdf", "pdf", [i]);
    times.push(performance.now() - t);
    fullBytes += r!.full.bytes.length;
    previewBytes += r!.preview.bytes.length;
    size = `${r!.full.width}×${r!.full.height}`;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const total = times.reduce((a, b) => a + b, 0);
  const sorted = [...times].sort((a, b) => a - b);
  const kb = (n: number) => `${Math.round(n / 1024)} KB`;
  console.log(`drawing render benchmark — ${os.cpus().length} CPU(s), Node ${process.version}`);
  console.log(
    `set: ${PAGES} pages A1 landscape, PDF ${kb(pdf.length)} (generated in ${tGen.toFixed(0)} ms)`,
  );
  console.log(`inspect (open, count, page sizes): ${tInspect.toFixed(0)} ms`);
  console.log(
    `full image ${size} px (long side ${DRAWING_LIMITS.fullLongSidePx}), preview ${DRAWING_LIMITS.previewLongSidePx} px`,
  );
  console.log(
    `render+encode: total ${(total / 1000).toFixed(1)} s, ${(total / PAGES).toFixed(0)} ms/page (median ${sorted[Math.floor(PAGES / 2)]!.toFixed(0)}, max ${sorted.at(-1)!.toFixed(0)})`,
  );
  console.log(
    `output: full ${kb(fullBytes / PAGES)}/page, preview ${kb(previewBytes / PAGES)}/page`,
  );
  console.log(`peak RSS ${Math.round(peakRss / 1024 / 1024)} MB`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
