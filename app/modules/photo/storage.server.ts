import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { env } from "~/infra/env.server";
import { S3PhotoStorage, s3Client } from "~/infra/s3-storage.server";
import { isStorageFullError, storageFull } from "~/infra/upload-error";

export const VARIANTS = ["original", "display", "thumb"] as const;
export type Variant = (typeof VARIANTS)[number];

/** Files are named by the SHA-256 of their bytes, sharded: original/ab/cd/abcd…. */
export function photoKey(variant: Variant, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return `${variant}/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/** Where photo files live: the local disk now, an object store later, behind these few calls. */
export interface PhotoStorage {
  /**
   * Stores bytes under key (temporary name, then rename). created=false: it was already there.
   * A full disk or an unwritable folder is a 507 refusal (photo:errors.upload.storageFull); nothing is left behind.
   */
  put(key: string, bytes: Buffer): Promise<{ created: boolean }>;
  /**
   * Stores the file at `file` (exactly `size` bytes, e.g. an original already on disk) under key,
   * streaming it: the file is never read whole into memory. Same guarantees as put: a failure
   * (also a file whose size is not `size`) leaves no object and no temporary; the file itself is
   * the caller's and stays where it is.
   */
  putFile(key: string, file: string, size: number): Promise<{ created: boolean }>;
  has(key: string): Promise<boolean>;
  read(key: string): Promise<{ stream: ReadableStream<Uint8Array>; size: number } | null>;
  remove(key: string): Promise<void>;
  /** Removes temporaries left by a crash; returns how many. */
  sweepTemporaries(): Promise<number>;
  /** Every stored key of one variant (folder), e.g. original or, for drawings, source. */
  keys(variant: string): AsyncIterable<string>;
  /** When the key's file was written, or null when there is none (the orphan sweep's grace). */
  modifiedAt(key: string): Promise<Date | null>;
  /**
   * Whether other instances may write to this store at the same time (a bucket: yes; a local
   * folder: no, it is one machine's): the start-up sweep then spares new files.
   */
  readonly shared: boolean;
}

export class LocalPhotoStorage implements PhotoStorage {
  private readonly tmpDir: string;
  readonly shared = false;

  constructor(readonly root: string) {
    this.tmpDir = path.join(root, ".tmp");
  }

  private file(key: string): string {
    const full = path.resolve(this.root, key);
    if (!full.startsWith(`${path.resolve(this.root)}${path.sep}`)) throw new Error("bad key");
    return full;
  }

  async has(key: string) {
    return fs.existsSync(this.file(key));
  }

  async modifiedAt(key: string) {
    const stat = await fsp.stat(this.file(key)).catch(() => null);
    return stat ? stat.mtime : null;
  }

  async put(key: string, bytes: Buffer) {
    const target = this.file(key);
    // Content-addressed: the same key always holds the same bytes, and evidence is never rewritten.
    if (await this.has(key)) return { created: false };
    const tmp = path.join(this.tmpDir, `${randomUUID()}.part`);
    try {
      await fsp.mkdir(this.tmpDir, { recursive: true });
      await fsp.mkdir(path.dirname(target), { recursive: true });
      await this.writeDurably(tmp, bytes);
      await fsp.rename(tmp, target);
    } catch (error) {
      await fsp.rm(tmp, { force: true }).catch(() => undefined);
      if (isStorageFullError(error)) throw storageFull(error);
      throw error;
    }
    return { created: true };
  }

  async putFile(key: string, file: string, size: number) {
    const target = this.file(key);
    if (await this.has(key)) return { created: false };
    const tmp = path.join(this.tmpDir, `${randomUUID()}.part`);
    try {
      await fsp.mkdir(this.tmpDir, { recursive: true });
      await fsp.mkdir(path.dirname(target), { recursive: true });
      await this.copyDurably(file, tmp, size);
      await fsp.rename(tmp, target);
    } catch (error) {
      await fsp.rm(tmp, { force: true }).catch(() => undefined);
      if (isStorageFullError(error)) throw storageFull(error);
      throw error;
    }
    return { created: true };
  }

  /** The file a key is stored in (for a caller that streams it elsewhere, e.g. to a bucket). */
  pathOf(key: string): string {
    return this.file(key);
  }

  /** Reads the source of putFile (tests inject faults here). */
  protected openSource(file: string): Readable {
    return fs.createReadStream(file);
  }

  /** Streams `from` into a new file and fsyncs it; refuses when `from` is not `size` bytes. */
  protected async copyDurably(from: string, file: string, size: number) {
    const handle = await fsp.open(file, "wx");
    const source = this.openSource(from);
    try {
      let copied = 0;
      for await (const chunk of source as AsyncIterable<Buffer>) {
        copied += chunk.length;
        if (copied > size) break;
        await handle.write(chunk);
      }
      if (copied !== size) throw new Error(`expected ${size} bytes, read ${copied}: ${from}`);
      await handle.sync();
    } finally {
      source.destroy();
      await handle.close();
    }
  }

  /** Writes and fsyncs a new file (the one place bytes reach the disk; tests inject faults here). */
  protected async writeDurably(file: string, bytes: Buffer) {
    const handle = await fsp.open(file, "wx");
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async read(key: string) {
    const file = this.file(key);
    const stat = await fsp.stat(file).catch(() => null);
    if (!stat?.isFile()) return null;
    const stream = Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>;
    return { stream, size: stat.size };
  }

  async remove(key: string) {
    await fsp.rm(this.file(key), { force: true });
  }

  async *keys(variant: string) {
    const base = path.join(this.root, variant);
    const list = (dir: string) => fsp.readdir(dir).catch(() => [] as string[]);
    for (const a of await list(base))
      for (const b of await list(path.join(base, a)))
        for (const name of await list(path.join(base, a, b))) yield `${variant}/${a}/${b}/${name}`;
  }

  async sweepTemporaries() {
    const names = await fsp.readdir(this.tmpDir).catch(() => [] as string[]);
    await Promise.all(names.map((n) => fsp.rm(path.join(this.tmpDir, n), { force: true })));
    return names.length;
  }
}

const globalForStorage = globalThis as unknown as { yanshouPhotoStorage?: PhotoStorage };

/** The app's storage: UPLOADS_DIR/photos. */
export function photoStorage(): PhotoStorage {
  const s3 = env().s3;
  globalForStorage.yanshouPhotoStorage ??= s3
    ? new S3PhotoStorage(s3Client(s3), s3.bucket, `${s3.prefix}photos/`)
    : new LocalPhotoStorage(path.join(env().uploadsDir, "photos"));
  return globalForStorage.yanshouPhotoStorage;
}

/** The SHA-256 of a stored file as it is now (streamed), or null when it is missing. */
export async function storedSha256(storage: PhotoStorage, key: string): Promise<string | null> {
  const file = await storage.read(key);
  if (!file) return null;
  const hash = createHash("sha256");
  const reader = file.stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) hash.update(r.value);
  return hash.digest("hex");
}
