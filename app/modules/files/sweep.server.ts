import type { Db } from "~/infra/db.server";
import { DRAWING_VARIANTS, type DrawingStorage } from "~/modules/drawing/storage.server";
import {
  DOCUMENT_STORE_NAMES,
  type DocumentStores,
  documentVariant,
  namedDocuments,
} from "~/modules/files/document-store.server";
import { type PhotoStorage, VARIANTS } from "~/modules/photo/storage.server";
import { EXPORT_VARIANT, namedExportFiles } from "~/modules/report/export-store.server";

export type SweepResult = { temporaries: number; orphans: number; byKind: Record<string, number> };

type Store = {
  kind: string;
  storage: PhotoStorage;
  variants: readonly string[];
  /** every hash a row names for this store; null: leave its files alone this time */
  named: () => Promise<Set<string> | null>;
};

/**
 * In a store other instances share (S3), a file no row names is removed only once it is this
 * old: they write a photo's or drawing's files before the transaction that names them commits,
 * and this sweep runs when an instance starts, while the others serve uploads. A local folder is
 * one instance's (the deployment guide's N instances use a bucket): a crash's files go at once.
 */
export const ORPHAN_GRACE_MS = 60 * 60_000;

/**
 * One start-up sweep for every kind of stored file: temporaries left by an interrupted write, and
 * files no row names (a crash between writing the files and committing the row). Photos
 * (original, display, thumb; every Photo row, whatever it is attached to: lots, defects,
 * 隐蔽工程 records, warranty and illegal-structure cases), drawings (source, full image,
 * preview), documents (evidence, §5.0.6 routes: each store against every row that names a
 * file in it) and, when given, register exports (against every ReportExport row; skipped while
 * an export is queued or running, since a worker elsewhere may be writing its file before its
 * row names it); signatures are kept in their rows, not as files. Run when no upload is in
 * flight (before the server listens).
 */
export async function sweepStoredFiles(
  db: Db,
  stores: {
    photos: PhotoStorage;
    drawings: DrawingStorage;
    documents: DocumentStores;
    exports?: PhotoStorage;
  },
  opts: { now?: Date } = {},
): Promise<SweepResult> {
  const all: Store[] = [
    {
      kind: "photo",
      storage: stores.photos,
      variants: VARIANTS,
      named: async () => {
        const rows = await db.photo.findMany({
          select: { sha256: true, displaySha256: true, thumbSha256: true },
        });
        return new Set(rows.flatMap((r) => [r.sha256, r.displaySha256, r.thumbSha256]));
      },
    },
    {
      kind: "drawing",
      storage: stores.drawings,
      variants: DRAWING_VARIANTS,
      named: async () => {
        const rows = await db.drawingRevision.findMany({
          select: { sourceSha256: true, imageSha256: true, previewSha256: true },
        });
        return new Set(
          rows.flatMap((r) => [r.sourceSha256, r.imageSha256 ?? "", r.previewSha256 ?? ""]),
        );
      },
    },
    ...DOCUMENT_STORE_NAMES.map((name) => ({
      kind: name,
      storage: stores.documents[name],
      variants: [documentVariant(name)],
      named: () => namedDocuments(db, name),
    })),
    ...(stores.exports
      ? [
          {
            kind: "export",
            storage: stores.exports,
            variants: [EXPORT_VARIANT],
            named: () => namedExportFiles(db),
          },
        ]
      : []),
  ];
  const result: SweepResult = { temporaries: 0, orphans: 0, byKind: {} };
  const now = opts.now ?? new Date();
  for (const store of all) {
    const named = await store.named();
    let removed = 0;
    // null: a write may be in flight (an export being built elsewhere): its temporary too.
    if (named) {
      result.temporaries += await store.storage.sweepTemporaries();
      for (const variant of store.variants)
        for await (const key of store.storage.keys(variant)) {
          if (named.has(key.slice(key.lastIndexOf("/") + 1))) continue;
          // In a shared store (a bucket), a file written moments ago may be another instance's
          // upload whose row is committing (its name was not in the list read above).
          if (store.storage.shared) {
            const at = await store.storage.modifiedAt(key);
            if (!at || now.getTime() - at.getTime() < ORPHAN_GRACE_MS) continue;
          }
          await store.storage.remove(key);
          removed += 1;
        }
    }
    result.orphans += removed;
    result.byKind[store.kind] = removed;
  }
  return result;
}
