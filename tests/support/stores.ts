import fs from "node:fs";
import path from "node:path";
import type { Db } from "~/infra/db.server";
import type { DocumentStoreName, DocumentStores } from "~/modules/files/document-store.server";
import { ORPHAN_GRACE_MS, sweepStoredFiles } from "~/modules/files/sweep.server";
import { LocalPhotoStorage, type PhotoStorage } from "~/modules/photo/storage.server";

type SweepStores = { photos: PhotoStorage; drawings: PhotoStorage; documents: DocumentStores };

/**
 * Every store the start-up sweep walks, as folders under `dir` (a test's own: the sweep removes
 * what its database does not name, so it must never see the shared ./uploads), with the given
 * stores in their place.
 */
export function sweepStores(
  dir: string,
  given: Partial<Omit<SweepStores, "documents">> & { documents?: Partial<DocumentStores> } = {},
): SweepStores {
  fs.mkdirSync(dir, { recursive: true });
  const local = (name: string) => new LocalPhotoStorage(path.join(dir, name));
  return {
    photos: given.photos ?? local("photos"),
    drawings: given.drawings ?? local("drawings"),
    documents: {
      evidence: given.documents?.evidence ?? local("evidence"),
      route: given.documents?.route ?? local("documents"),
    },
  };
}

/** A file half written when the process died: what the sweep counts as a temporary. */
export function leaveTemporary(storage: LocalPhotoStorage) {
  fs.mkdirSync(path.join(storage.root, ".tmp"), { recursive: true });
  fs.writeFileSync(path.join(storage.root, ".tmp", `${process.pid}-interrupted.part`), "half");
}

/** The start-up sweep with one document store real and every other store an empty folder. */
export function sweepDocumentStore(
  db: Db,
  name: DocumentStoreName,
  storage: PhotoStorage,
  dir: string,
) {
  // An hour on: a file no row names is then a crash's leftover, not an upload in flight.
  return sweepStoredFiles(db, sweepStores(dir, { documents: { [name]: storage } }), {
    now: new Date(Date.now() + ORPHAN_GRACE_MS + 60_000),
  });
}
