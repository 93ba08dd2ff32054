/**
 * npm run bench:photos — the photo pipeline against a bare sharp decode + resize on the same
 * files: realistic 12-megapixel camera JPEGs (texture, EXIF orientation 6, GPS), made here.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { processPhoto, sha256Of } from "~/modules/photo/pipeline.server";
import { LocalPhotoStorage, photoKey } from "~/modules/photo/storage.server";

const COUNT = Number(process.env.BENCH_PHOTOS ?? 6);
const WIDTH = 4000;
const HEIGHT = 3000;
const info = {
  project: "德江县2021年城镇老旧小区改造项目",
  compound: "县农行老旧小区",
  place: "3栋2单元 1–7层楼梯",
  workType: "楼梯栏杆、扶手维修加固",
  item: "SR-M1",
  user: "王工（正衡监理）",
};

let peakRss = 0;

/** A scene with gradients, shapes and sensor noise, so it compresses like a photo (~3–5 MB). */
async function cameraPhoto(seed: number): Promise<Buffer> {
  const shapes = Array.from({ length: 40 }, (_, i) => {
    const x = (seed * 997 + i * 389) % WIDTH;
    const y = (seed * 613 + i * 257) % HEIGHT;
    const hue = (seed * 47 + i * 29) % 360;
    return `<rect x="${x}" y="${y}" width="${300 + (i % 7) * 90}" height="${200 + (i % 5) * 80}" fill="hsl(${hue},45%,${35 + (i % 4) * 10}%)" transform="rotate(${i * 9} ${x} ${y})"/>`;
  }).join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#8fa7b8"/><stop offset="1" stop-color="#4d5a3c"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${shapes}</svg>`;
  const noise = await sharp({
    create: {
      width: WIDTH,
      height: HEIGHT,
      channels: 3,
      background: "#808080",
      noise: { type: "gaussian", mean: 128, sigma: 18 },
    },
  })
    .png({ compressionLevel: 0 })
    .toBuffer();
  return sharp(Buffer.from(svg))
    .composite([{ input: noise, blend: "soft-light" }])
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: "HUAWEI", Model: "MatePad 11" },
      IFD2: { DateTimeOriginal: "2024:05:01 10:20:30" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "28/1 15/1 3000/100",
        GPSLongitudeRef: "E",
        GPSLongitude: "108/1 7/1 1200/100",
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

const workDir = process.argv[2];
const storage = new LocalPhotoStorage(path.join(workDir ?? os.tmpdir(), "store"));

/**
 * The app's way: hash (the server does it while the upload streams in; counted here all the
 * same), process (EXIF, decode, upright, watermark, display + thumb) and store all three files
 * (fsynced, overlapping).
 */
async function pipeline(original: Buffer) {
  const sha256 = sha256Of(original);
  const p = await processPhoto(original, info, { sha256 });
  await Promise.all([
    storage.put(photoKey("original", p.sha256), original),
    storage.put(photoKey("display", p.display.sha256), p.display.bytes),
    storage.put(photoKey("thumb", p.thumb.sha256), p.thumb.bytes),
  ]);
}

/** The floor: decode and resize to 2048 px, nothing else. */
async function bare(original: Buffer) {
  await sharp(original).resize({ width: 2048, height: 2048, fit: "inside" }).raw().toBuffer();
}

async function timeEach(files: Buffer[], run: (b: Buffer) => Promise<void>) {
  const start = performance.now();
  for (const f of files) await run(f);
  return (performance.now() - start) / files.length;
}

/** Photos per second with two photos in flight at a time (both cores busy). */
async function throughput(files: Buffer[], run: (b: Buffer) => Promise<void>) {
  const queue = [...files, ...files];
  const start = performance.now();
  await Promise.all(
    [0, 1].map(async () => {
      for (let f = queue.shift(); f; f = queue.shift()) await run(f);
    }),
  );
  return (files.length * 2) / ((performance.now() - start) / 1000);
}

/** Parent: make the photos, then measure in a fresh process so peak memory is the pipeline's own. */
async function prepare() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-photos-"));
  try {
    const made = performance.now();
    for (let i = 0; i < COUNT; i++)
      fs.writeFileSync(path.join(dir, `photo-${i}.jpg`), await cameraPhoto(i + 1));
    console.log(`made ${COUNT} test photos in ${((performance.now() - made) / 1000).toFixed(1)} s`);
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, dir], {
      stdio: "inherit",
    });
    if (child.status !== 0) process.exit(child.status ?? 1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(dir: string) {
  const files = fs
    .readdirSync(dir)
    .filter((n) => n.endsWith(".jpg"))
    .map((n) => fs.readFileSync(path.join(dir, n)));
  const meta = await sharp(files[0]).metadata();
  const avgMb = files.reduce((s, f) => s + f.length, 0) / files.length / 1024 / 1024;
  console.log(
    `${files.length} photos ${meta.width}×${meta.height} (${((meta.width ?? 0) * (meta.height ?? 0)) / 1e6} MP, EXIF orientation ${meta.orientation}), avg ${avgMb.toFixed(1)} MB`,
  );
  console.log(
    `cores: ${os.cpus().length}, libvips threads per image: ${sharp.concurrency()}, sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}`,
  );
  const rssBefore = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 5);
  await pipeline(files[0]!); // warm-up: font loading, first-use code paths
  await bare(files[0]!);

  const pipeMs = await timeEach(files, pipeline);
  const bareMs = await timeEach(files, bare);
  const pipeRate = await throughput(files, pipeline);
  const bareRate = await throughput(files, bare);
  clearInterval(sampler);

  const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
  console.log(
    `pipeline (hash, EXIF, rotate, watermark, display + thumb, store): ${pipeMs.toFixed(0)} ms/photo`,
  );
  console.log(`bare sharp decode + resize to 2048 px: ${bareMs.toFixed(0)} ms/photo`);
  console.log(
    `throughput, 2 photos in flight (both cores): pipeline ${pipeRate.toFixed(2)} photos/s, bare ${bareRate.toFixed(2)} photos/s`,
  );
  console.log(`peak RSS: ${mb(peakRss)} MB (at start ${mb(rssBefore)} MB, photos held in memory)`);
  console.log(`pipeline/bare ratio: ${(pipeMs / bareMs).toFixed(2)}`);
}

if (workDir) await measure(workDir);
else await prepare();
