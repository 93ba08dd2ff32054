import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import { zhT } from "~/modules/acceptance/zh";

/** The refusal when the compound's record is sealed by a passed acceptance, else null. */
export async function compoundSealedError(db: Db, compoundId: string): Promise<DomainError | null> {
  const passed = await db.finalAcceptance.count({ where: { compoundId, status: "passed" } });
  return passed > 0 ? new DomainError("acceptance:errors.compoundAccepted", { status: 409 }) : null;
}

/** Refuses (409) any change to a compound sealed by a passed acceptance. */
export async function assertCompoundNotSealed(db: Db, compoundId: string): Promise<void> {
  const sealed = await compoundSealedError(db, compoundId);
  if (sealed) throw sealed;
}

/**
 * @deprecated for modules still throwing their own error class (lot, defect): the refusal in
 * Chinese. Use assertCompoundNotSealed.
 */
export async function compoundSealedMessage(db: Db, compoundId: string): Promise<string | null> {
  const sealed = await compoundSealedError(db, compoundId);
  return sealed ? sealed.text(zhT()) : null;
}
