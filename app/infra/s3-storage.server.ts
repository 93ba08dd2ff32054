/**
 * Photo/drawing storage on an S3-compatible object store (MinIO, OSS, OBS, Ceph), behind the
 * same PhotoStorage interface as the local folder: same content-addressed keys, byte-exact
 * originals. A PUT is atomic (no temporaries to sweep); downloads stream from the store.
 * Checksums are sent only when an operation requires them: MinIO-style servers reject the
 * SDK's default CRC32 trailers (/work/shared/notes/toolchain.md).
 */
import { createHash } from "node:crypto";
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
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.key(key) }));
      return true;
    } catch (error) {
      if (notFound(error)) return false;
      throw error;
    }
  }

  async put(key: string, bytes: Buffer) {
    // Content-addressed: the same key always holds the same bytes, and evidence is never rewritten.
    if (await this.has(key)) return { created: false };
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
