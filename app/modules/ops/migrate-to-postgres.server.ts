/**
 * Moving an embedded installation (SQLite file + uploads folder) to PostgreSQL (+ S3), then
 * proving the copy identical: row counts and per-table hashes, every file's SHA-256, and the
 * audit verifier (chain, signed records, file hashes) run on the target. See docs/deployment.md.
 */
import path from "node:path";
import Database from "better-sqlite3";
import { createDb } from "~/infra/db.server";
import { migratePostgres } from "~/infra/pg-migrate.server";
import { type S3Config, S3PhotoStorage, s3Client } from "~/infra/s3-storage.server";
import { type VerificationReport, verifyDatabase } from "~/modules/audit/verify.server";
import { DRAWING_VARIANTS } from "~/modules/drawing/storage.server";
import {
  DOCUMENT_STORE_NAMES,
  documentFolder,
  documentVariant,
} from "~/modules/files/document-store.server";
import { LocalPhotoStorage, type PhotoStorage, VARIANTS } from "~/modules/photo/storage.server";
import { EXPORT_VARIANT } from "~/modules/report/export-store.server";
import {
  type CopiedTable,
  copyTables,
  nonEmptyTables,
  schemaDifferences,
} from "./copy-tables.server";
import { readCatalog } from "./pg-catalog.server";
import {
  compareTables,
  copyAndCheckFiles,
  type FileStore,
  type FileTally,
  rawPgClient,
  type TableCheck,
} from "./verify-copy.server";

export type MigrationOptions = {
  sqlitePath: string;
  uploadsDir: string;
  targetUrl: string;
  /** copy the uploads to this bucket (photos under <prefix>photos/, drawings under
   * <prefix>drawings/, documents under <prefix>evidence/ and <prefix>documents/) */
  s3?: S3Config & { prefix: string };
  /** only compare (a copy made earlier), nothing is written */
  verifyOnly?: boolean;
  progress?: (line: string) => void;
};

export type MigrationReport = {
  migrationsApplied: string[];
  copied: CopiedTable[] | null;
  tables: TableCheck[];
  tableMismatches: TableCheck[];
  files: FileTally;
  audit: {
    sourceEvents: number;
    sourceLastHash: string | null;
    target: Pick<VerificationReport, "events" | "chainBreak" | "recordBreaks" | "signedRecords">;
  };
  ok: boolean;
};

/** A precondition failed (schemas differ, target not empty): nothing was written. */
function refused(message: string): Error {
  const error = new Error(message);
  error.name = "MigrationRefused";
  return error;
}

export const isMigrationRefused = (error: unknown) =>
  error instanceof Error && error.name === "MigrationRefused";

function stores(o: MigrationOptions): {
  stores: FileStore[];
  photos: PhotoStorage;
  drawings: PhotoStorage;
} {
  const localPhotos = new LocalPhotoStorage(path.join(o.uploadsDir, "photos"));
  const localDrawings = new LocalPhotoStorage(path.join(o.uploadsDir, "drawings"));
  const client = o.s3 ? s3Client(o.s3) : null;
  const photos = client
    ? new S3PhotoStorage(client, o.s3!.bucket, `${o.s3!.prefix}photos/`)
    : localPhotos;
  const drawings = client
    ? new S3PhotoStorage(client, o.s3!.bucket, `${o.s3!.prefix}drawings/`)
    : localDrawings;
  // evidence and §5.0.6 route documents, each in its own folder, as the app stores them
  const documents = DOCUMENT_STORE_NAMES.map((name) => {
    const folder = documentFolder(name);
    const source = new LocalPhotoStorage(path.join(o.uploadsDir, folder));
    return {
      name: folder,
      source,
      target: client
        ? new S3PhotoStorage(client, o.s3!.bucket, `${o.s3!.prefix}${folder}/`)
        : source,
      variants: [documentVariant(name)],
    };
  });
  // register exports built by the job (their rows are copied with the tables)
  const localExports = new LocalPhotoStorage(path.join(o.uploadsDir, "exports"));
  const exports = client
    ? new S3PhotoStorage(client, o.s3!.bucket, `${o.s3!.prefix}exports/`)
    : localExports;
  return {
    photos,
    drawings,
    stores: [
      { name: "photos", source: localPhotos, target: photos, variants: VARIANTS },
      { name: "drawings", source: localDrawings, target: drawings, variants: DRAWING_VARIANTS },
      ...documents,
      { name: "exports", source: localExports, target: exports, variants: [EXPORT_VARIANT] },
    ],
  };
}

export async function migrateToPostgres(o: MigrationOptions): Promise<MigrationReport> {
  const say = o.progress ?? (() => {});
  const source = new Database(o.sqlitePath, { readonly: true, fileMustExist: true });
  const target = rawPgClient(o.targetUrl);
  try {
    // One read transaction: the copy and its hashes see one snapshot of the source.
    source.exec("BEGIN");
    const migrationsApplied = o.verifyOnly ? [] : await migratePostgres(o.targetUrl);
    if (migrationsApplied.length > 0)
      say(`PostgreSQL migrations applied: ${migrationsApplied.length}`);
    await target.connect();
    const tables = await readCatalog(target);
    const differences = schemaDifferences(source, tables);
    if (differences.length > 0)
      throw refused(
        `the schemas differ; start the current version once on the SQLite file first:\n  ${differences.join("\n  ")}`,
      );
    let copied: CopiedTable[] | null = null;
    if (!o.verifyOnly) {
      const busy = await nonEmptyTables(target, tables);
      if (busy.length > 0) throw refused(`the target database is not empty: ${busy.join(", ")}`);
      copied = await copyTables(source, target, tables, (l) => say(`copied ${l}`));
    }
    say("comparing tables");
    const checks = await compareTables(source, target, tables);
    const tableMismatches = checks.filter(
      (c) => c.sourceRows !== c.targetRows || c.sourceHash !== c.targetHash,
    );
    const s = stores(o);
    say(o.s3 && !o.verifyOnly ? "copying and hashing files" : "hashing files");
    const files = await copyAndCheckFiles(s.stores, {
      copy: Boolean(o.s3) && !o.verifyOnly,
      progress: say,
    });
    const tail = source
      .prepare(
        `SELECT count(*) AS n, (SELECT "hash" FROM "AuditEvent" ORDER BY "seq" DESC LIMIT 1) AS last FROM "AuditEvent"`,
      )
      .get() as { n: number; last: string | null };
    say("verifying the audit chain on the target");
    const db = createDb(o.targetUrl);
    let verified: VerificationReport;
    try {
      verified = await verifyDatabase(db, s.photos, s.drawings);
    } finally {
      await db.$disconnect();
    }
    const audit = {
      sourceEvents: Number(tail.n),
      sourceLastHash: tail.last,
      target: {
        events: verified.events,
        chainBreak: verified.chainBreak,
        recordBreaks: verified.recordBreaks,
        signedRecords: verified.signedRecords,
      },
    };
    const ok =
      tableMismatches.length === 0 &&
      files.problems.length === 0 &&
      audit.target.chainBreak === null &&
      audit.target.recordBreaks.length === 0 &&
      audit.sourceEvents === audit.target.events;
    return { migrationsApplied, copied, tables: checks, tableMismatches, files, audit, ok };
  } finally {
    if (source.inTransaction) source.exec("COMMIT");
    source.close();
    await target.end().catch(() => {});
  }
}
