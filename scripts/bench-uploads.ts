/**
 * npm run bench:uploads — 50 clients upload 200 distinct 12 MP JPEGs (one photo per request, as
 * the tablet does) to the built server on a free port, while a 51st client reads the lot page.
 * Prints uploads/s, latency p50/p99, the page's p99 during the storm, lost / duplicated /
 * orphaned photos (all must be 0) and the server's peak RSS.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { createDb } from "~/infra/db.server";
import { createLot } from "~/modules/lot/create.server";
import {
  freePort,
  orphanFiles,
  peakRssMb,
  percentile,
  prepare,
  serve,
  signIn,
} from "./bench-support";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const PHOTOS = Number(process.env.BENCH_UPLOADS ?? 200);
const W = 4000;
const H = 3000;
const cacheDir = path.resolve(".tmp", "bench-uploads-photos");

/** Distinct 12 MP JPEGs (noise, a few shapes placed by the seed), kept between runs. */
async function photos(): Promise<string[]> {
  fs.mkdirSync(cacheDir, { recursive: true });
  const made = performance.now();
  const files: string[] = [];
  const todo: number[] = [];
  for (let i = 0; i < PHOTOS; i++) {
    const file = path.join(cacheDir, `p${i}.jpg`);
    files.push(file);
    if (!fs.existsSync(file)) todo.push(i);
  }
  const noise = await sharp({
    create: {
      width: W,
      height: H,
      channels: 3,
      background: "#808080",
      noise: { type: "gaussian", mean: 128, sigma: 10 },
    },
  })
    .raw()
    .toBuffer();
  const one = async (i: number) => {
    const shapes = Array.from({ length: 12 }, (_, k) => {
      const x = (i * 977 + k * 331) % W;
      const y = (i * 613 + k * 257) % H;
      return `<rect x="${x}" y="${y}" width="${400 + k * 40}" height="${300 + k * 30}" fill="hsl(${(i * 37 + k * 29) % 360},45%,45%)"/>`;
    }).join("");
    const svg = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${shapes}</svg>`,
    );
    await sharp(noise, { raw: { width: W, height: H, channels: 3 } })
      .composite([{ input: svg }])
      .jpeg({ quality: 88 })
      .withExif({
        IFD0: { Make: "HUAWEI", Model: "MatePad 11" },
        IFD2: { DateTimeOriginal: "2026:11:29 10:20:30" },
      })
      .toFile(path.join(cacheDir, `p${i}.jpg`));
  };
  const queue = [...todo];
  await Promise.all(
    [0, 1].map(async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) await one(i);
    }),
  );
  if (todo.length)
    console.log(
      `made ${todo.length} photos in ${((performance.now() - made) / 1000).toFixed(0)} s`,
    );
  return files;
}

async function main() {
  const files = await photos();
  const avg = files.reduce((s, f) => s + fs.statSync(f).size, 0) / files.length / 1024 / 1024;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-uploads-"));
  const port = await freePort();
  prepare(dataDir, port);
  const db = createDb(path.join(dataDir, "yanshou.db"));
  const contractor = await db.user.findFirstOrThrow({
    where: { username: "shigong1" },
    select: { id: true, organizationId: true },
  });
  const own = { ...contractor, role: "contractor" as const };
  const places = await db.stairwell.findMany({
    where: { building: { compound: { code: "NH" } } },
    select: { id: true },
    orderBy: { id: "asc" },
    take: 5,
  });
  const lots: string[] = [];
  for (const p of places)
    lots.push(
      (
        await createLot(db, own, "own", {
          workTypeCode: "stair-railing",
          place: { kind: "stairwell", id: p.id },
        })
      ).id,
    );

  const server = await serve(dataDir, port);
  const cookie = await signIn(server.url, "shigong1");
  console.log(
    `${files.length} distinct photos ${W}×${H}, avg ${avg.toFixed(1)} MB; ${CLIENTS} clients; server pid ${server.child.pid}`,
  );

  // the page a colleague opens during the storm
  const pageMs: number[] = [];
  let storming = true;
  const reader = (async () => {
    while (storming) {
      const t = performance.now();
      const res = await fetch(`${server.url}/lots/${lots[0]}`, { headers: { Cookie: cookie } });
      await res.arrayBuffer();
      pageMs.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();

  const queue = files.map((f, i) => ({ file: f, lot: lots[i % lots.length]! }));
  const latencies: number[] = [];
  const accepted = new Map<string, number>();
  const failures: string[] = [];
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const bytes = fs.readFileSync(job.file);
        const sha = createHash("sha256").update(bytes).digest("hex");
        const form = new FormData();
        form.append(
          "photo",
          new Blob([new Uint8Array(bytes)], { type: "image/jpeg" }),
          path.basename(job.file),
        );
        const t = performance.now();
        try {
          const res = await fetch(`${server.url}/lots/${job.lot}/photos`, {
            method: "POST",
            headers: { Cookie: cookie, Origin: server.url },
            body: form,
          });
          const body = (await res.json()) as { ok: boolean; message: string };
          latencies.push(performance.now() - t);
          if (res.status === 200 && body.ok) accepted.set(sha, (accepted.get(sha) ?? 0) + 1);
          else failures.push(`${res.status} ${body.message}`);
        } catch (error) {
          failures.push(String(error));
        }
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  storming = false;
  await reader;
  const rss = peakRssMb(server.child.pid!);
  server.child.kill("SIGTERM");
  await server.exited;

  const rows = await db.photo.findMany({
    select: { sha256: true, displaySha256: true, thumbSha256: true },
  });
  const bySha = new Map<string, number>();
  for (const r of rows) bySha.set(r.sha256, (bySha.get(r.sha256) ?? 0) + 1);
  const lost = [...accepted.keys()].filter((sha) => !bySha.has(sha)).length + failures.length;
  const duplicated = [...bySha.values()].filter((n) => n > 1).length;
  const drawings = await db.drawingRevision.findMany({
    select: { sourceSha256: true, imageSha256: true, previewSha256: true },
  });
  const orphaned = await orphanFiles(path.join(dataDir, "uploads"), {
    photos: new Set(rows.flatMap((r) => [r.sha256, r.displaySha256, r.thumbSha256])),
    drawings: new Set(
      drawings.flatMap((d) => [d.sourceSha256, d.imageSha256 ?? "", d.previewSha256 ?? ""]),
    ),
  });
  await db.$disconnect();
  fs.rmSync(dataDir, { recursive: true, force: true });

  for (const f of failures.slice(0, 5)) console.log(`failed: ${f}`);
  console.log(
    `uploads: ${accepted.size}/${files.length} in ${seconds.toFixed(1)} s = ${(accepted.size / seconds).toFixed(2)} uploads/s`,
  );
  console.log(
    `upload latency p50 ${(percentile(latencies, 50) / 1000).toFixed(1)} s, p99 ${(percentile(latencies, 99) / 1000).toFixed(1)} s`,
  );
  console.log(
    `lot page during the storm: ${pageMs.length} GETs, p50 ${percentile(pageMs, 50).toFixed(0)} ms, p99 ${percentile(pageMs, 99).toFixed(0)} ms`,
  );
  console.log(`lost: ${lost} duplicated: ${duplicated} orphaned: ${orphaned.length}`);
  console.log(`peak rss MB: ${rss}`);
}

await main();
