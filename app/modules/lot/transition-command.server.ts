import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { commandApplied, otherBase, receiptOfConcurrentSend } from "./commands.server";
import { requireLot } from "./record.server";
import { transitionLot } from "./transition.server";

/** The transitions a tablet may queue offline: signing (submit, accept) needs the network. */
export const QUEUED_TRANSITIONS = ["reject", "reopen"] as const;
export type QueuedTransition = (typeof QUEUED_TRANSITIONS)[number];

type Answer = { outcome: "applied" | "duplicate"; state: string };

function replayed(
  receipt: { lotId: string; kind: string; subjectId: string | null; baseVersion: string | null },
  command: { baseVersion: string | null },
  lotId: string,
  action: QueuedTransition,
  state: string,
): Answer {
  if (
    receipt.lotId !== lotId ||
    receipt.kind !== "transition" ||
    receipt.subjectId !== action ||
    otherBase(receipt, command.baseVersion)
  )
    throw new DomainError("lot:errors.commandKeyReused", { status: 409 });
  return { outcome: "duplicate", state };
}

/**
 * A supervisor's 退回 (or 撤销验收) recorded on a tablet without signal and sent later from its
 * outbox. It is applied once per key, only if the lot is still in the state the tablet saw
 * (`baseVersion`), with the same checks as the page's own post; otherwise it is refused with
 * what the lot became, and the tablet keeps it under 冲突. A replay answers `duplicate`.
 */
export async function transitionCommand(
  db: Db,
  viewer: Actor & { id: string },
  scope: Scope,
  lotId: string,
  input: { action: QueuedTransition; reason: string | null },
  command: { key: string; baseVersion: string | null; online?: boolean },
): Promise<Answer> {
  const detail = await requireLot(db, lotId, viewer, scope);
  const receipt = await commandApplied(db, viewer.id, command.key);
  if (receipt) return replayed(receipt, command, lotId, input.action, detail.lot.status);
  try {
    const state = await transitionLot(
      db,
      viewer,
      scope,
      lotId,
      input.action,
      input.reason,
      undefined,
      command,
    );
    return { outcome: "applied", state };
  } catch (error) {
    // Sent twice at once (an answer lost, a retry): the other send's receipt is there by now,
    // and this one was refused for the state the first one made.
    const late = await receiptOfConcurrentSend(db, viewer.id, command.key, error);
    if (!late) throw error;
    const now = await requireLot(db, lotId, viewer, scope);
    return replayed(late, command, lotId, input.action, now.lot.status);
  }
}

/**
 * The lot page's own 退回 / 撤销验收. With the key the browser stamped on it (JavaScript on), it
 * leaves a receipt: should its answer be lost on a dropping connection, the tap queued on the
 * tablet with the same key is answered `duplicate` instead of ending under 冲突.
 */
export async function lotPageTransition(
  db: Db,
  viewer: Actor & { id: string },
  scope: Scope,
  lotId: string,
  input: { action: QueuedTransition; reason: string | null },
  /** the key the browser stamped on the post, and the lot's state as the page showed it */
  posted: { key: string | null; baseVersion: string | null },
) {
  const { key, baseVersion } = posted;
  if (!key) return transitionLot(db, viewer, scope, lotId, input.action, input.reason);
  // The base is kept with the receipt (not checked: the state machine decides, as before), so a
  // key that outlived its round is refused as another command instead of answered as done.
  const command = { key, baseVersion, online: true };
  const { state } = await transitionCommand(db, viewer, scope, lotId, input, command);
  // A lot's status column holds only the state machine's states.
  return state as Awaited<ReturnType<typeof transitionLot>>;
}
