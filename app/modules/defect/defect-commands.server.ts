import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import type { Actor } from "~/modules/auth/permissions";
import { commandApplied, type OfflineCommand } from "~/modules/lot/commands.server";
import { type CreateDefectInput, createDefect } from "./defects.server";
import { createFromItemSchema } from "./forms";
import { refusal, type Translate } from "./labels";

/**
 * A new defect from a lot's failing item, queued on a tablet offline: the form's fields checked
 * as the new-defect page checks them, created once per key. Answers the command endpoint's JSON
 * (`outcome` applied | duplicate | refused with the reason in the reader's language).
 */
export async function raiseDefectCommand(
  db: Db,
  viewer: Actor & { id: string },
  t: Translate,
  lotId: string,
  form: FormData,
  command: OfflineCommand & { key: string },
): Promise<{ status: number; body: object }> {
  const refused = (message: string, status: number, code?: string) => ({
    status,
    body: { ok: false, outcome: "refused", message, code },
  });
  const fields = Object.fromEntries([...form].filter(([, v]) => typeof v === "string"));
  const parsed = createFromItemSchema(t).safeParse(fields);
  if (!parsed.success)
    return refused(parsed.error.issues[0]?.message ?? t("lot:errors.invalidData"), 400);
  if (parsed.data.lotId !== lotId) return refused(t("defect:errors.lotNotFound"), 404);
  try {
    const defect = await createDefect(db, viewer, { from: "lot", ...parsed.data }, command);
    return {
      status: 200,
      body: {
        ok: true,
        outcome: "duplicate" in defect ? "duplicate" : "applied",
        defectId: defect.id,
        number: defect.number,
      },
    };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return refused(error.text(t as never), error.status, error.code);
  }
}

/**
 * A replay of a tablet's defect command (issue 17): the defect it created; the key used before
 * for anything else (an entry, a photo, another item's defect) is refused (409).
 */
export async function defectReplay(
  db: Db | Prisma.TransactionClient,
  viewerId: string,
  key: string,
  input: CreateDefectInput,
) {
  const receipt = await commandApplied(db, viewerId, key);
  if (!receipt) return null;
  const same =
    receipt.kind === "defect" &&
    input.from === "lot" &&
    receipt.lotId === input.lotId &&
    receipt.itemId === input.itemId;
  const defect =
    same && receipt.subjectId
      ? await db.defect.findUnique({
          where: { id: receipt.subjectId },
          select: { id: true, number: true },
        })
      : null;
  if (!defect) throw refusal("lot:errors.commandKeyReused", 409);
  return { ...defect, duplicate: true as const };
}

/** Inside the defect's transaction: the receipt that makes a replay of the key create nothing. */
export async function recordDefectCommand(
  tx: Prisma.TransactionClient,
  userId: string,
  command: OfflineCommand & { key: string },
  lotId: string,
  itemId: string | null,
  defectId: string,
) {
  await tx.commandReceipt.create({
    data: {
      userId,
      key: command.key,
      lotId,
      kind: "defect",
      itemId,
      baseVersion: command.baseVersion ?? null,
      subjectId: defectId,
    },
    select: { key: true },
  });
}
