/**
 * Photo/drawing storage on an S3-compatible object store (MinIO, OSS, OBS, Ceph), behind the
 * same PhotoStorage interface as the local folder: same content-addressed keys, byte-exact
 * originals. A PUT is atomic (no temporaries to sweep); downloads stream from the store.
 * Checksums are sent only when an operation requires them: MinIO-style servers reject the
 * SDK's default CRC32 trailers (/work/shared/notes/toolchain.md).
 *
 * putFile streams a file on disk as the body of one PutObject (Content-Length and Content-MD5
 * known beforehand, the MD5 from a first streamed read): the file is never held in memory. One
 * request suffices up to S3's 5 GB single-PUT limit, far above any upload here (≤ tens of MB),
 * so no multipart upload (@aws-sdk/lib-storage) is needed.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import type { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import type { PhotoStorage } from "~/modules/photo/storage.server";

export type S3Config = {
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
};

export function s3Client(c: S3Config): S3Client {
  return new S3Client({
    endpoint: c.endpoint,
    region: c.region,
    forcePathStyle: c.forcePathStyle,
    credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

const notFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === "NotFound" || e.name === "NoSuchKey" || e.$metadata?.httpStatusCode === 404;
};

export class S3PhotoStorage implements PhotoStorage {
  readonly shared = true;
  /** `prefix` separates stores in one bucket, e.g. "photos/" and "drawings/". */
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly prefix: string,
  ) {}

  private key(key: string): string {
    if (key.includes("..") || key.startsWith("/")) throw new Error("bad key");
    return `${this.prefix}${key}`;
  }

  async has(key: string) {
    return (await this.sizeOf(key)) !== null;
  }

  async modifiedAt(key: string) {
    try {
      const head = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: this.key(key) }),
      );
      return head.LastModified ?? new Date(0);
    } catch (error) {
      if (notFound(error)) return null;
      throw error;
    }
  }

  /** The stored object's size, or null when there is none. */
  private async sizeOf(key: string): Promise<number | null> {
    try {
      const head = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: this.key(key) }),
      );
      return Number(head.ContentLength ?? 0);
    } catch (error) {
      if (notFound(error)) return null;
      throw error;
    }
  }

  /**
   * Content-addressed: the same key always holds the same bytes, and evidence is never rewritten.
   * An object of another size under the key cannot be that content (a broken PUT that a store
   * such as s3rver kept): it is written over.
   */
  private async stored(key: string, size: number): Promise<boolean> {
    return (await this.sizeOf(key)) === size;
  }

  async put(key: string, bytes: Buffer) {
    if (await this.stored(key, bytes.length)) return { created: false };
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.key(key),
        Body: bytes,
        ContentLength: bytes.length,
        // The store checks the bytes it received against this (integrity end to end).
        ContentMD5: createHash("md5").update(bytes).digest("base64"),
      }),
    );
    return { created: true };
  }

  async putFile(key: string, file: string, size: number) {
    if (await this.stored(key, size)) return { created: false };
    const { md5, bytes } = await this.md5Of(file);
    if (bytes !== size) throw new Error(`expected ${size} bytes, found ${bytes}: ${file}`);
    // A body that fails part-way aborts the request (the store keeps nothing of it); the
    // store also refuses a body whose MD5 is not the one declared (a file changed in between).
    const body = this.openSource(file);
    const abort = new AbortController();
    let failure: unknown = null;
    body.on("error", (error) => {
      failure ??= error;
      abort.abort(error);
    });
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: this.key(key),
          Body: body,
          ContentLength: size,
          ContentMD5: md5,
        }),
        { abortSignal: abort.signal },
      );
    } catch (error) {
      body.destroy();
      await this.removeIfNot(key, size);
      throw failure ?? error;
    }
    return { created: true };
  }

  /**
   * After a failed PUT: S3, MinIO, OSS, OBS and Ceph keep nothing of a body shorter than its
   * Content-Length or not matching its Content-MD5; a store that keeps what arrived (s3rver) may
   * show it a moment later. An object of the wrong size found now goes; one found later is
   * written over by the next put of that content (`stored`) or removed by the orphan sweep.
   */
  private async removeIfNot(key: string, size: number) {
    const found = await this.sizeOf(key).catch(() => null);
    if (found !== null && found !== size) await this.remove(key).catch(() => undefined);
  }

  /** Reads the source of putFile (tests inject faults here). */
  protected openSource(file: string): Readable {
    return fs.createReadStream(file);
  }

  private async md5Of(file: string): Promise<{ md5: string; bytes: number }> {
    const hash = createHash("md5");
    let bytes = 0;
    for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
    }
    return { md5: hash.digest("base64"), bytes };
  }

  async read(key: string) {
    try {
      const out = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.key(key) }),
      );
      if (!out.Body) return null;
      return { stream: out.Body.transformToWebStream(), size: Number(out.ContentLength ?? 0) };
    } catch (error) {
      if (notFound(error)) return null;
      throw error;
    }
  }

  async remove(key: string) {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.key(key) }));
  }

  async sweepTemporaries() {
    return 0; // a PUT either stores the whole object or nothing
  }

  async *keys(variant: string) {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: this.key(`${variant}/`),
          ContinuationToken: token,
        }),
      );
      for (const o of page.Contents ?? []) if (o.Key) yield o.Key.slice(this.prefix.length);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }
}
