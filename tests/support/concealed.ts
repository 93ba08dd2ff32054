import path from "node:path";
import type { Db } from "~/infra/db.server";
import { requiredOf } from "~/modules/concealed/records.server";
import { LocalPhotoStorage, type PhotoStorage } from "~/modules/photo/storage.server";
import { type ConcealedPlace, concealedRecordAt } from "../../prisma/seed/demo-concealed";
import { TMP_DIR } from "./paths";

/** Photo files of test 隐蔽工程验收 records: one folder per process. */
export const concealedStorage = (): PhotoStorage =>
  new LocalPhotoStorage(path.join(TMP_DIR, `concealed-${process.pid}`));

/**
 * Every 隐蔽工程验收 record the compound's approved plan requires, made by its contractor and
 * signed by the supervisor (GB 50300 §3.0.6-5), unless `except` names a place to leave out.
 */
export async function signAllConcealed(
  db: Db,
  compoundId: string,
  options: { storage?: PhotoStorage; except?: (p: ConcealedPlace) => boolean } = {},
) {
  const storage = options.storage ?? concealedStorage();
  const ids: string[] = [];
  for (const place of await requiredOf(db, compoundId)) {
    const at = { compoundId, ...place };
    if (options.except?.(at)) continue;
    ids.push(await concealedRecordAt(db, storage, at, { sign: true }));
  }
  return ids;
}
