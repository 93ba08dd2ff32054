/**
 * The one store for uploaded documents (a PDF, or a photo of one): 质量控制资料 (GB 50300-2013
 * §5.0.3-2, evidence) and the §5.0.6-2/-3 route documents (检测鉴定 reports, 设计核算). Every
 * upload is read with the same limits, sniffed from its bytes (PDF, JPEG, PNG, WebP), opened to
 * prove it is whole, stored content-addressed through the photo store's backend (a folder with
 * temp → rename, or an S3 prefix) and only then given its row; a file whose row fails goes again
 * unless a row already names it. The start-up sweep (sweep.server.ts) uses the same table of
 * which rows name which files.
 *
 * Two locations, kept where earlier versions wrote them (no file moves): UPLOADS_DIR/evidence
 * with keys document/ab/cd/<sha256>, and UPLOADS_DIR/documents with keys route/ab/cd/<sha256>
 * (bucket prefixes evidence/ and documents/).
 */
import path from "node:path";
import type { Db } from "~/infra/db.server";
import { DomainError, type MessageParams } from "~/infra/domain-error";
import { env } from "~/infra/env.server";
import { type UploadedFile, withUpload } from "~/infra/multipart.server";
import { S3PhotoStorage, s3Client } from "~/infra/s3-storage.server";
import { isStorageFullError } from "~/infra/upload-error";
import { readHead } from "~/infra/upload-spool.server";
import type { MessageKey } from "~/locales/resources";
import { sniffDrawingFormat } from "~/modules/drawing/sniff";
import { LocalPhotoStorage, type PhotoStorage } from "~/modules/photo/storage.server";

/** A document is at most 20 MB (a scanned report; a larger one is split or compressed). */
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

export const DOCUMENT_MIME: Record<string, string> = {
  pdf: "application/pdf",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
};

/** Where each kind of document lives, and the hashes its rows name (every row of any state). */
const STORES = {
  evidence: {
    folder: "evidence",
    variant: "document",
    named: async (db: Db, sha256?: string) =>
      (
        await db.evidenceDocument.findMany({
          where: sha256 ? { sha256 } : {},
          select: { sha256: true },
        })
      ).map((r) => r.sha256),
  },
  route: {
    folder: "documents",
    variant: "route",
    named: async (db: Db, sha256?: string) =>
      (
        await db.lotAcceptanceRoute.findMany({
          where: sha256 ? { documentSha256: sha256 } : {},
          select: { documentSha256: true },
        })
      ).map((r) => r.documentSha256),
  },
} as const;

export type DocumentStoreName = keyof typeof STORES;
export type DocumentStores = Record<DocumentStoreName, PhotoStorage>;
export const DOCUMENT_STORE_NAMES = Object.keys(STORES) as DocumentStoreName[];

/** The folder of UPLOADS_DIR (and of the bucket's prefix) a store lives in. */
export const documentFolder = (store: DocumentStoreName) => STORES[store].folder;

/** The folder (variant) a store's keys live under, e.g. document for evidence. */
export const documentVariant = (store: DocumentStoreName) => STORES[store].variant;

/** Content-addressed like photos and drawings: document/ab/cd/abcd… (evidence), route/ab/cd/… */
export function documentKey(store: DocumentStoreName, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return `${STORES[store].variant}/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/** Every hash a row names in this store (for the sweep). */
export async function namedDocuments(db: Db, store: DocumentStoreName): Promise<Set<string>> {
  return new Set(await STORES[store].named(db));
}

const globalForStorage = globalThis as unknown as {
  yanshouDocumentStores?: Partial<DocumentStores>;
};

/** The app's store for one kind: UPLOADS_DIR/<folder>, or the bucket's <prefix><folder>/. */
export function documentStorage(store: DocumentStoreName): PhotoStorage {
  globalForStorage.yanshouDocumentStores ??= {};
  const cache = globalForStorage.yanshouDocumentStores;
  const s3 = env().s3;
  const folder = STORES[store].folder;
  cache[store] ??= s3
    ? new S3PhotoStorage(s3Client(s3), s3.bucket, `${s3.prefix}${folder}/`)
    : new LocalPhotoStorage(path.join(env().uploadsDir, folder));
  return cache[store];
}

/** The app's document stores, for the start-up sweep. */
export const documentStores = (): DocumentStores => ({
  evidence: documentStorage("evidence"),
  route: documentStorage("route"),
});

export type DocumentRefusal =
  | "tooLarge"
  | "notMultipart"
  | "incomplete"
  | "oneFile"
  | "format"
  | "unreadable"
  | "storageFull";

const STATUS: Record<DocumentRefusal, number> = {
  tooLarge: 413,
  notMultipart: 415,
  incomplete: 400,
  oneFile: 400,
  format: 415,
  unreadable: 422,
  storageFull: 507,
};

/** A caller's words for each refusal (its own namespace) and the form field they belong to. */
export type DocumentUploadPolicy = {
  store: DocumentStoreName;
  codes: Record<DocumentRefusal, MessageKey>;
  field?: string;
};

function refuse(policy: DocumentUploadPolicy, reason: DocumentRefusal, params: MessageParams = {}) {
  const field = reason === "notMultipart" || reason === "incomplete" ? undefined : policy.field;
  return new DomainError(policy.codes[reason], {
    status: STATUS[reason],
    params,
    ...(field ? { field } : {}),
  });
}

/**
 * Reads the form's fields and its one document (an empty file input counts as none) and runs
 * `use` with them; the document is spooled to a temporary while it arrives and removed when `use`
 * settles, whatever it did. The parser's refusals are said in the policy's words.
 */
export function withDocumentUpload<T>(
  policy: DocumentUploadPolicy,
  request: Request,
  use: (upload: { fields: Record<string, string>; file: UploadedFile | null }) => Promise<T>,
): Promise<T> {
  return withUpload(
    request,
    {
      fileBytes: DOCUMENT_MAX_BYTES,
      requestBytes: DOCUMENT_MAX_BYTES + 64 * 1024,
      files: 2,
      fieldBytes: 8 * 1024,
    },
    async (parsed) => {
      const files = parsed.files.filter((f) => f.size > 0);
      if (files.length > 1) throw refuse(policy, "oneFile");
      return use({ fields: parsed.fields, file: files[0] ?? null });
    },
    (error) => {
      const status = (error as { status?: unknown } | null)?.status;
      if (status === 413)
        return refuse(policy, "tooLarge", { mb: DOCUMENT_MAX_BYTES / 1024 / 1024 });
      if (status === 415) return refuse(policy, "notMultipart");
      if (status === 400) return refuse(policy, "incomplete");
      return error;
    },
  );
}

/**
 * The document's format from its first bytes, and proof that it opens (a PDF with pages, a
 * decodable image), read from its temporary: a PDF through a mupdf stream on the file, an image
 * by libvips from the path; the file is never read whole into the process.
 */
export async function inspectDocument(
  policy: DocumentUploadPolicy,
  file: UploadedFile,
): Promise<string> {
  const format = sniffDrawingFormat(await readHead(file.path, 4096));
  if (!format) throw refuse(policy, "format", { name: file.name });
  try {
    // Loaded here, not at the top: the verifier and the sweep read this module and need neither
    // (mupdf's WebAssembly alone is tens of MB of a process's memory).
    if (format === "pdf") {
      const { openPdfFile } = await import("~/modules/drawing/pdf-file.server");
      const doc = openPdfFile(file.path);
      try {
        if (doc.countPages() < 1) throw new Error("no pages");
      } finally {
        doc.destroy();
      }
    } else {
      const { default: sharp } = await import("sharp");
      const meta = await sharp(file.path).metadata();
      if (!meta.width || !meta.height) throw new Error("no size");
      await sharp(file.path).stats();
    }
  } catch {
    throw refuse(policy, "unreadable", { name: file.name });
  }
  return format;
}

/**
 * Uploads of one file run one after another in this process: otherwise an upload whose commit
 * fails could remove the file after a second upload of the same bytes found it stored (and so
 * did not write it) but before that one's row was committed, leaving a row naming no file.
 */
const keyTurns = new Map<string, Promise<unknown>>();
async function oneAtATime<T>(key: string, run: () => Promise<T>): Promise<T> {
  const mine = (keyTurns.get(key) ?? Promise.resolve()).catch(() => undefined).then(run);
  keyTurns.set(key, mine);
  try {
    return await mine;
  } finally {
    if (keyTurns.get(key) === mine) keyTurns.delete(key);
  }
}

/**
 * Stores the document (streamed from its temporary; never rewritten), then runs `commit` (the row and its audit
 * event, one transaction). When the commit fails, a file this call created goes again unless a
 * row of the store names it.
 */
export async function keepDocument<T>(
  db: Db,
  storage: PhotoStorage,
  policy: DocumentUploadPolicy,
  file: UploadedFile,
  commit: () => Promise<T>,
): Promise<T> {
  const key = documentKey(policy.store, file.sha256);
  return oneAtATime(key, async () => {
    let created = false;
    try {
      created = (await storage.putFile(key, file.path, file.size)).created;
    } catch (error) {
      if (error instanceof DomainError || isStorageFullError(error))
        throw refuse(policy, "storageFull");
      throw error;
    }
    try {
      return await commit();
    } catch (error) {
      if (created && (await STORES[policy.store].named(db, file.sha256)).length === 0)
        await storage.remove(key);
      throw error;
    }
  });
}

/**
 * A stored document as the response that serves it (inline, its type from the sniffed format,
 * never sniffed by the browser, cached for good: the bytes behind a hash never change); null
 * when the file is missing. The caller has checked that the reader may see the row.
 */
export async function documentResponse(
  store: DocumentStoreName,
  doc: { sha256: string; format: string; name?: string },
  storage: PhotoStorage = documentStorage(store),
): Promise<Response | null> {
  const file = await storage.read(documentKey(store, doc.sha256));
  if (!file) return null;
  return new Response(file.stream, {
    status: 200,
    headers: {
      "Content-Type": DOCUMENT_MIME[doc.format] ?? "application/octet-stream",
      "Content-Length": String(file.size),
      "Content-Disposition": doc.name
        ? `inline; filename*=UTF-8''${encodeURIComponent(doc.name)}`
        : "inline",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, max-age=31536000, immutable",
      ETag: `"${doc.sha256}"`,
    },
  });
}
