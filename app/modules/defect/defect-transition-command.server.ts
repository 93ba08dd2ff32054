import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { commandApplied, otherBase, receiptOfConcurrentSend } from "~/modules/lot/commands.server";
import { defectBase } from "./defect-base";
import { transitionDefect } from "./defects.server";
import { refusal } from "./labels";
import { getDefect } from "./read.server";
import type { DefectAction } from "./workflow";

type Answer = { outcome: "applied" | "duplicate"; state: string };
type Command = { key: string; baseVersion: string | null; online?: boolean };
/** The receipt's kind: the action is part of what the key stands for. */
const receiptKind = (action: DefectAction) => `defect.${action}`;

/**
 * A defect's transition (确认整改, 整改回复, 复查关闭, 退回) recorded on a tablet without signal and
 * sent later from its outbox (issue 17). Applied once per key, only if the defect is still in the
 * state the tablet saw, with the same checks as the defect page's own post; otherwise refused with
 * what the defect became, and the tablet keeps it under 冲突. A replay answers `duplicate`.
 */
export async function defectTransitionCommand(
  db: Db,
  viewer: Actor & { id: string },
  scope: Scope,
  defectId: string,
  input: { action: DefectAction; comment: string | null },
  command: Command,
): Promise<Answer> {
  const current = async () => {
    const defect = await getDefect(db, defectId, viewer, scope);
    if (!defect) throw refusal("defect:errors.notFound", 404);
    return defect.status;
  };
  const replayed = (
    receipt: { kind: string; subjectId: string | null; baseVersion: string | null },
    state: string,
  ) => {
    if (
      receipt.kind !== receiptKind(input.action) ||
      receipt.subjectId !== defectId ||
      otherBase(receipt, command.baseVersion)
    )
      throw new DomainError("lot:errors.commandKeyReused", { status: 409 });
    return { outcome: "duplicate" as const, state };
  };
  const state = await current();
  const receipt = await commandApplied(db, viewer.id, command.key);
  if (receipt) return replayed(receipt, state);
  try {
    const next = await transitionDefect(
      db,
      viewer,
      scope,
      defectId,
      input.action,
      input.comment,
      command,
    );
    return { outcome: "applied", state: next };
  } catch (error) {
    // Sent twice at once (an answer lost, a retry): the other send's receipt is there by now.
    const late = await receiptOfConcurrentSend(db, viewer.id, command.key, error);
    if (!late) throw error;
    return replayed(late, await current());
  }
}

/**
 * The defect page's own post of a transition. With the key the browser stamped on it (JavaScript
 * on), it leaves a receipt: should its answer be lost on a dropping connection, the tap queued
 * on the tablet with the same key is answered `duplicate` instead of ending under 冲突.
 */
export async function defectPageTransition(
  db: Db,
  viewer: Actor & { id: string },
  scope: Scope,
  defectId: string,
  input: { action: DefectAction; comment: string | null },
  /** the key the browser stamped on the post, and the defect's base as the page showed it */
  posted: { key: string | null; baseVersion: string | null },
) {
  const { key, baseVersion } = posted;
  if (!key) return transitionDefect(db, viewer, scope, defectId, input.action, input.comment);
  // The base is kept with the receipt (not checked: the state machine decides, as before), so a
  // key that outlived its round is refused as another command instead of answered as done.
  const command = { key, baseVersion, online: true };
  return (await defectTransitionCommand(db, viewer, scope, defectId, input, command)).state;
}

/** Before a queued transition: refused unless the defect is still as the tablet saw it. */
export function requireDefectBase(
  defect: { status: string; updatedAt: Date },
  command: Command,
  action: DefectAction,
) {
  if (command.baseVersion !== defectBase(defect))
    throw refusal("defect:commands.changed", 409, {
      state: defect.status,
      action,
      at: defect.updatedAt.toISOString(),
    });
}

/** Inside the transition's transaction: the receipt that makes a replay of the key do nothing. */
export async function recordDefectTransitionCommand(
  tx: Prisma.TransactionClient,
  userId: string,
  command: Command,
  defect: { id: string; lot: { id: string } | null },
  action: DefectAction,
) {
  await tx.commandReceipt.create({
    data: {
      userId,
      key: command.key,
      // A defect raised on a drawing or a compound has no lot: its receipts are found by key.
      lotId: defect.lot?.id ?? "",
      kind: receiptKind(action),
      baseVersion: command.baseVersion,
      subjectId: defect.id,
    },
    select: { key: true },
  });
}
