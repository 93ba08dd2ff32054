import type { Db } from "~/infra/db.server";
import { requiredOf } from "~/modules/concealed/records.server";
import { type PhotoStorage, photoStorage } from "~/modules/photo/storage.server";
import { type ConcealedPlace, concealedRecordAt } from "../../prisma/seed/demo-concealed";

/** Photo files of test 隐蔽工程验收 records: the app's store, which the audit check reads. */
export const concealedStorage = (): PhotoStorage => photoStorage();

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
