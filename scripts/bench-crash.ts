/**
 * npm run bench:crash — kill -9 the server during photo uploads and during drawing uploads
 * (10 times each, at random moments: while the body arrives, while it is processed, while files
 * are written, while the row commits), start it again each time the real way (migrations,
 * start-up sweep), then check: PRAGMA integrity_check ok, the audit chain and every record and
 * file hash verify (as `npm run audit:verify`), and no stored file of any kind lacks its row.
 */

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import sharp from "sharp";
import { createDb } from "~/infra/db.server";
import { verifyDatabase } from "~/modules/audit/verify.server";
import { zhBreakLine } from "~/modules/audit/verify-zh.server";
import { createLot } from "~/modules/lot/create.server";
import { LocalPhotoStorage } from "~/modules/photo/storage.server";
import { freePort, orphanFiles, prepare, type Served, serve, signIn } from "./bench-support";

const KILLS = Number(process.env.BENCH_KILLS ?? 10);

async function photo(seed: number) {
  const shapes = `<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="2000"><rect x="${(seed * 97) % 2500}" y="${(seed * 61) % 1500}" width="500" height="400" fill="hsl(${(seed * 37) % 360},50%,50%)"/></svg>`;
  return sharp({
    create: {
      width: 3000,
      height: 2000,
      channels: 3,
      background: "#808080",
      noise: { type: "gaussian", mean: 128, sigma: 12 },
    },
  })
    .composite([{ input: Buffer.from(shapes) }])
    .jpeg({ quality: 88 })
    .toBuffer();
}

async function sheet(seed: number) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="1700"><rect width="100%" height="100%" fill="#fff"/><g stroke="#000" stroke-width="3">${Array.from({ length: 40 }, (_, i) => `<line x1="${(seed * 13 + i * 60) % 2400}" y1="0" x2="${(i * 53) % 2400}" y2="1700"/>`).join("")}</g></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-crash-"));
  const port = await freePort();
  const uploadsDir = path.join(dataDir, "uploads");
  prepare(dataDir, port);
  const db = createDb(path.join(dataDir, "yanshou.db"));
  const contractor = await db.user.findFirstOrThrow({
    where: { username: "shigong1" },
    select: { id: true, organizationId: true },
  });
  const place = await db.stairwell.findFirstOrThrow({
    where: { building: { compound: { code: "NH" } } },
    select: { id: true, building: { select: { compoundId: true } } },
    orderBy: { id: "asc" },
  });
  const lot = await createLot(db, { ...contractor, role: "contractor" }, "own", {
    workTypeCode: "stair-railing",
    place: { kind: "stairwell", id: place.id },
  });
  await db.$disconnect();

  let swept = 0;
  let killedAfter: number[] = [];
  let completed = 0;
  const span: Record<string, number> = {};
  /** delay < 0: no kill, the upload's time is measured (calibration). */
  const round = async (kind: "photo" | "drawing", i: number, delay: number) => {
    const server: Served = await serve(dataDir, port);
    const who = kind === "photo" ? "shigong1" : "sheji";
    const cookie = await signIn(server.url, who);
    const form = new FormData();
    if (kind === "photo")
      form.append("photo", new Blob([new Uint8Array(await photo(i))]), `p${i}.jpg`);
    else {
      for (const [k, v] of Object.entries({
        discipline: "电气",
        numberPrefix: `K${i}-`,
        startNumber: "1",
        defaultTitle: "平面图",
        revision: "",
        issuedOn: "2026-11-29",
        workTypeId: "",
        pageLines: "",
      }))
        form.append(k, v);
      form.append("file", new Blob([new Uint8Array(await sheet(i))]), `s${i}.png`);
    }
    const url =
      kind === "photo"
        ? `${server.url}/lots/${lot.id}/photos`
        : `${server.url}/compounds/${place.building.compoundId}/drawings`;
    const request = fetch(url, {
      method: "POST",
      headers: { Cookie: cookie, Origin: server.url },
      body: form,
    })
      .then((r) => {
        if (r.ok) completed += 1;
      })
      .catch(() => undefined);
    if (delay < 0) {
      const t = performance.now();
      await request;
      span[kind] = performance.now() - t;
      server.child.kill("SIGTERM");
      await server.exited;
      return;
    }
    await new Promise((r) => setTimeout(r, delay));
    server.child.kill("SIGKILL");
    await server.exited;
    await request;
    killedAfter.push(delay);
    // the real start-up: migrations, sweep of temporaries and row-less files
    const out = prepare(dataDir, port);
    swept += Number(/swept interrupted uploads\): (\d+)/.exec(out)?.[1] ?? 0);
  };
  const started = performance.now();
  // Kills spread evenly over the time an upload takes on this machine now (measured first), so
  // they land while the body arrives, during processing, during the file writes and the commit.
  const spread = (kind: string, i: number) =>
    Math.round(((i + 0.5) / KILLS) * (span[kind] ?? 1000) * 1.1);
  await round("photo", 1000, -1);
  for (let i = 0; i < KILLS; i++) {
    await round("photo", i, spread("photo", i));
    console.log(`photo ${i + 1}/${KILLS}`);
  }
  const photoKills = killedAfter;
  killedAfter = [];
  await round("drawing", 1000, -1);
  for (let i = 0; i < KILLS; i++) {
    await round("drawing", i, spread("drawing", i));
    console.log(`drawing ${i + 1}/${KILLS}`);
  }

  const sqlite = new Database(path.join(dataDir, "yanshou.db"), { readonly: true });
  const integrity = (sqlite.prepare("PRAGMA integrity_check").get() as { integrity_check: string })
    .integrity_check;
  sqlite.close();
  const check = createDb(path.join(dataDir, "yanshou.db"));
  const report = await verifyDatabase(
    check,
    new LocalPhotoStorage(path.join(uploadsDir, "photos")),
    new LocalPhotoStorage(path.join(uploadsDir, "drawings")),
  );
  const photos = await check.photo.findMany({
    select: { sha256: true, displaySha256: true, thumbSha256: true },
  });
  const drawings = await check.drawingRevision.findMany({
    select: { sourceSha256: true, imageSha256: true, previewSha256: true },
  });
  const orphans = await orphanFiles(uploadsDir, {
    photos: new Set(photos.flatMap((r) => [r.sha256, r.displaySha256, r.thumbSha256])),
    drawings: new Set(
      drawings.flatMap((d) => [d.sourceSha256, d.imageSha256 ?? "", d.previewSha256 ?? ""]),
    ),
  });
  await check.$disconnect();
  fs.rmSync(dataDir, { recursive: true, force: true });

  console.log(
    `kill -9 after (ms): photos ${photoKills.join(" ")}; drawings ${killedAfter.join(" ")}`,
  );
  console.log(
    `uploads answered before the kill: ${completed - 2}; stored: ${photos.length} photos, ${drawings.length} drawing revisions`,
  );
  console.log(`files swept at start-up (temporaries and row-less files): ${swept}`);
  console.log(`integrity_check: ${integrity}`);
  console.log(
    `audit verify: ${report.events} events, chain ${report.chainBreak ? "BROKEN" : "ok"}, record breaks ${report.recordBreaks.length}`,
  );
  for (const b of report.recordBreaks.slice(0, 5)) console.log(`  ${zhBreakLine(b)}`);
  console.log(`orphan files: ${orphans.length}`);
  console.log(`took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const ok =
    integrity === "ok" &&
    !report.chainBreak &&
    report.recordBreaks.length === 0 &&
    orphans.length === 0;
  console.log(ok ? "crash recovery: ok" : "crash recovery: FAILED");
  process.exit(ok ? 0 : 1);
}

await main();
