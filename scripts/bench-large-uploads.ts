/**
 * npm run bench:uploads-large [-- --checkout <dir>] — the built server's memory while large files
 * arrive: 4 clients each upload a distinct 60 MB drawing set (a PDF padded with random bytes) at
 * the same time. Prints the server's resident memory after a warm-up upload, its peak during the
 * four, and the growth: with each file part spooled to disk (decision 0018) the growth no longer
 * scales with the files. `--checkout` serves another checkout's build and start-up (e.g. a
 * worktree of the commit before the change) on the same data, for the figure before.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { createDb } from "~/infra/db.server";
import { drawingSetPdf } from "../prisma/seed/drawing-pdf";
import { freePort, prepare, serve, signIn } from "./bench-support";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);
const MB = Number(process.env.BENCH_MB ?? 60);
const at = process.argv.indexOf("--checkout");
const checkout = at > 0 ? path.resolve(process.argv[at + 1] ?? ".") : process.cwd();

async function largePdf(mb: number, n: number): Promise<Buffer> {
  const doc = await PDFDocument.load(
    await drawingSetPdf([{ number: `B-${n}`, title: `BENCH ${n}` }], { seed: n }),
  );
  doc.context.register(doc.context.stream(randomBytes(mb * 1024 * 1024)));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

const memory = (pid: number, field: "VmRSS" | "VmHWM") =>
  Math.round(
    Number(
      new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1],
    ) / 1024,
  );

function form(bytes: Buffer, name: string) {
  const body = new FormData();
  const fields = {
    discipline: "电气",
    numberPrefix: `${name}-`,
    startNumber: "1",
    defaultTitle: "照明平面图",
    revision: "",
    issuedOn: "2026-11-30",
    workTypeId: "",
    pageLines: "",
  };
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  body.append(
    "file",
    new Blob([new Uint8Array(bytes)], { type: "application/pdf" }),
    `${name}.pdf`,
  );
  return body;
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-large-uploads-"));
  const port = await freePort();
  const cwd = process.cwd();
  process.chdir(checkout);
  prepare(dataDir, port);
  const server = await serve(dataDir, port);
  process.chdir(cwd);
  const db = createDb(path.join(dataDir, "yanshou.db"));
  const compound = await db.compound.findFirstOrThrow({ select: { id: true } });
  const cookie = await signIn(server.url, "sheji");
  const pid = server.child.pid!;
  const send = async (bytes: Buffer, name: string) => {
    const res = await fetch(`${server.url}/compounds/${compound.id}/drawings`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: server.url },
      body: form(bytes, name),
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${res.status} ${text.slice(0, 200)}`);
  };
  // Warm-up: one small set loads the upload path (mupdf, sharp) before the baseline is read.
  await send(Buffer.from(await drawingSetPdf([{ number: "W-1", title: "WARM UP" }])), "W");
  const files = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => largePdf(MB, i)));
  const size = files.reduce((s, f) => s + f.length, 0) / CLIENTS / 1024 / 1024;
  await new Promise((r) => setTimeout(r, 1000));
  const baseline = memory(pid, "VmRSS");
  // Resets the peak (VmHWM) to the current resident size (Linux ≥ 4.0).
  fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
  const started = performance.now();
  await Promise.all(files.map((f, i) => send(f, `L${i}`)));
  const seconds = (performance.now() - started) / 1000;
  const peak = memory(pid, "VmHWM");
  const stored = await db.drawingRevision.count({
    where: {
      sourceSha256: { in: files.map((f) => createHash("sha256").update(f).digest("hex")) },
    },
  });
  server.child.kill("SIGTERM");
  await server.exited;
  await db.$disconnect();
  fs.rmSync(dataDir, { recursive: true, force: true });
  console.log(
    `${checkout === cwd ? "this checkout" : checkout}: ${CLIENTS} concurrent drawing uploads of ${size.toFixed(1)} MB each, stored ${stored}/${CLIENTS} in ${seconds.toFixed(1)} s`,
  );
  console.log(`server rss MB: baseline ${baseline}, peak ${peak}, growth ${peak - baseline}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
