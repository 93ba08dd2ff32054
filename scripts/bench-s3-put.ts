/**
 * npm run bench:s3-put — the memory an original costs on its way to an S3-compatible store:
 * peak RSS of a fresh process that stores one file (a 6 MB 12 MP photo, a 40 MB drawing PDF, and
 * 160 MB to show the trend) in s3rver, before (the file read into a Buffer, then put) and after
 * (putFile streams it from disk). The store runs in this process; each measurement in its own
 * child, so only the put is counted. A figure to compare, not a timed test. With putFile the
 * peak is the garbage collector's slack for the streamed chunks (~10–30 MB), not the file size.
 */
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { S3PhotoStorage, s3Client } from "~/infra/s3-storage.server";
import { photoKey } from "~/modules/photo/storage.server";
import { startS3 } from "../tests/support/instances";
import { freePort } from "./bench-support";

type Mode = "buffer" | "file";
const MB = 1024 * 1024;

async function child(mode: Mode, endpoint: string, bucket: string, file: string) {
  const storage = new S3PhotoStorage(
    s3Client({
      endpoint,
      bucket,
      region: "us-east-1",
      accessKeyId: "S3RVER",
      secretAccessKey: "S3RVER",
      forcePathStyle: true,
    }),
    bucket,
    `bench-${mode}/`,
  );
  const sha256 = path.basename(file, ".bin");
  const key = photoKey("original", sha256);
  await storage.has(key); // the SDK is loaded and connected before the baseline
  global.gc?.();
  const before = process.memoryUsage().rss;
  if (mode === "buffer") await storage.put(key, await fs.promises.readFile(file));
  else await storage.putFile(key, file, fs.statSync(file).size);
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ before, peak }), () => process.exit(0));
}

async function main() {
  const [, , flag, mode, endpoint, bucket, file] = process.argv;
  if (flag === "--child") return child(mode as Mode, endpoint!, bucket!, file!);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-s3-put-"));
  const s3 = await startS3(await freePort(), path.join(dir, "s3"));
  try {
    console.log("size      mode    baseline RSS MB  peak RSS MB  peak − baseline MB");
    for (const size of [6 * MB, 40 * MB, 160 * MB]) {
      const bytes = randomBytes(size);
      const file = path.join(dir, `${createHash("sha256").update(bytes).digest("hex")}.bin`);
      fs.writeFileSync(file, bytes);
      for (const mode of ["buffer", "file"] as Mode[]) {
        const { stdout: out } = await promisify(execFile)(
          process.execPath,
          [
            "--expose-gc",
            "--import",
            "tsx",
            fileURLToPath(import.meta.url),
            "--child",
            mode,
            s3.endpoint,
            s3.bucket,
            file,
          ],
          { encoding: "utf8" },
        );
        const { before, peak } = JSON.parse(out) as { before: number; peak: number };
        const mb = (n: number) => (n / MB).toFixed(0).padStart(6);
        console.log(
          `${mb(size)} MB  ${mode.padEnd(6)}  ${mb(before)}           ${mb(peak)}       ${mb(peak - before)}`,
        );
      }
    }
  } finally {
    await s3.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
