/**
 * Upload temporaries: each file part of a multipart body is written here while it streams in
 * (multipart.server.ts), so a request's memory does not grow with its files; the consumers check
 * the file and put it into storage from here (PhotoStorage.putFile). The folder is
 * UPLOADS_DIR/.tmp/incoming: the local folder every instance already has for temporaries and the
 * health probe (also with S3), on disk rather than a tmpfs /tmp, one per instance, and left out
 * of backups (any `.tmp` folder is). Every spooled file is removed when its request is done
 * (`withUpload`); the start-up sweep removes what a crash left.
 */
import { createHash, randomUUID } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import { env } from "./env.server";

/** One spooled file part: on disk at `path` (`size` bytes, their SHA-256 `sha256`). */
export type UploadedFile = {
  name: string;
  path: string;
  size: number;
  sha256: string;
  /** The whole file in memory, for a check that needs it (a photo the pipeline decodes anyway). */
  readBytes(): Promise<Buffer>;
};

/** Where upload temporaries are written (created when missing). */
export function spoolDir(): string {
  return path.join(env().uploadsDir, ".tmp", "incoming");
}

/** A new, unique temporary name in the spool folder (the folder is created). */
export async function spoolPath(): Promise<string> {
  const dir = spoolDir();
  await fsp.mkdir(dir, { recursive: true });
  return path.join(dir, `${randomUUID()}.part`);
}

export function spooledFile(name: string, file: string, size: number, sha256: string) {
  return { name, path: file, size, sha256, readBytes: () => fsp.readFile(file) };
}

/** The first `length` bytes of a file (fewer when it is shorter): enough to sniff its format. */
export async function readHead(file: string, length: number): Promise<Buffer> {
  const handle = await fsp.open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(length), 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Removes spooled files (missing ones are fine). */
export async function discardSpooled(files: readonly string[]): Promise<void> {
  await Promise.all(files.map((f) => fsp.rm(f, { force: true }).catch(() => undefined)));
}

/**
 * Bytes already in memory (seed, scripts, tests) as a spooled file, for the code paths that take
 * uploads; the file is removed when `use` settles, whatever it did.
 */
export async function withSpooledBytes<T>(
  name: string,
  bytes: Buffer,
  use: (file: UploadedFile) => Promise<T>,
): Promise<T> {
  const file = await spoolPath();
  try {
    await fsp.writeFile(file, bytes, { flag: "wx" });
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    return await use(spooledFile(name, file, bytes.length, sha256));
  } finally {
    await discardSpooled([file]);
  }
}

/**
 * A spooled part is written to as its bytes arrive and removed when its request ends; one left
 * untouched this long belongs to no request (a crash), even if another instance on the same
 * machine shares the uploads folder and is receiving uploads right now.
 */
export const SPOOL_STALE_MS = 60 * 60_000;

/** Start-up: removes temporaries of uploads a crash interrupted; returns how many. */
export async function sweepSpool(now = Date.now(), dir = spoolDir()): Promise<number> {
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  const stale: string[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const stat = await fsp.stat(file).catch(() => null);
    if (stat && now - stat.mtimeMs > SPOOL_STALE_MS) stale.push(file);
  }
  await discardSpooled(stale);
  return stale.length;
}
