import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import { compoundSealedMessage } from "~/modules/acceptance/acceptance.server";
import { recordEvent } from "~/modules/audit/record.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { concealedLotRefusal, lotPlaceOf } from "~/modules/concealed/records.server";
import { bindAcceptRoute } from "./acceptance-route.server";
import type { OfflineCommand } from "./commands.server";
import { getLot } from "./lot-query.server";
import { assertMay, type PendingSignoff, requireLot } from "./record.server";
import {
  currentSignoffs,
  latestSignature,
  lotContentHash,
  type SignoffContent,
  signoffOf,
} from "./signoff.server";
import { transitionBase } from "./transition-base";
import { verdictTextZh } from "./verdict-text";
import type { LotAction } from "./workflow";

type Viewer = Actor & { id: string };

/** Numbers and titles of the lot's defects (质量问题) that are not closed: they block acceptance. */
export async function openDefectNumbers(db: Db, lotId: string) {
  return db.defect.findMany({
    where: { lotId, status: { not: "closed" } },
    select: { id: true, number: true, title: true, status: true },
    orderBy: { number: "asc" },
  });
}

/** The refusal that names the open defects blocking acceptance (numbers and titles are data). */
export function openDefectsError(open: { number: string; title: string }[]): DomainError {
  const list = open.map((d) => `${d.number} ${d.title}`).join("; ");
  return new DomainError("lot:errors.openDefects", { status: 409, params: { list } });
}

/** Submit, accept, reject or reopen: the state machine decides; the change and its event commit together. */
export async function transitionLot(
  db: Db,
  viewer: Viewer,
  scope: Scope,
  lotId: string,
  action: Exclude<LotAction, "save">,
  reason: string | null,
  signoff?: PendingSignoff,
  /** A tablet's outbox command: applied only from the state it was recorded against. */
  command?: OfflineCommand & { key: string },
) {
  const detail = await requireLot(db, lotId, viewer, scope);
  const from = detail.lot.status;
  // A queued command applies only to the round it was recorded against (transition-base.ts).
  const queued = command && !command.online;
  if (queued && command.baseVersion !== transitionBase(detail.lot))
    throw new DomainError("lot:commands.stateChanged", {
      status: 409,
      params: { state: from, action },
    });
  const next = assertMay(detail, viewer, action, reason);
  const sealed = await compoundSealedMessage(db, detail.lot.compound.id);
  if (sealed) throw new DomainError("lot:errors.compoundSealed", { status: 409 });
  // GB 50300 §3.0.6-5: work that covers (or is) a concealed step waits for its signed record.
  if (action === "submit" || action === "accept") {
    const held = await concealedLotRefusal(db, lotPlaceOf(detail.lot));
    if (held) throw held;
  }
  if (action === "accept") {
    const open = await openDefectNumbers(db, lotId);
    if (open.length > 0) throw openDefectsError(open);
    const unacknowledged = detail.lot.drawingRefs.filter(
      (r) => r.revision.status === "superseded" && !r.acknowledgedAt,
    );
    if (unacknowledged.length > 0)
      throw new DomainError("lot:errors.drawingsUnacknowledged", {
        status: 409,
        params: {
          list: unacknowledged
            .map((r) => `${r.revision.sheet.number} ${r.revision.revision}`)
            .join(", "),
        },
      });
  }
  const now = new Date();
  const data =
    action === "submit"
      ? { status: next, submittedAt: now, submittedById: viewer.id, lastReason: null }
      : action === "accept"
        ? { status: next, acceptedAt: now, acceptedById: viewer.id, lastReason: null }
        : action === "reopen"
          ? { status: next, acceptedAt: null, acceptedById: null, lastReason: reason }
          : { status: next, lastReason: reason };
  await db.$transaction(async (tx) => {
    // The status in `where` makes a concurrent second transition find nothing to update; being
    // the transaction's first statement, it also takes the write lock before anything is read.
    const { count } = await tx.inspectionLot.updateMany({
      where: {
        id: lotId,
        status: from,
        // A queued command's round: not another submission or acceptance of the same state.
        ...(queued
          ? { submittedAt: detail.lot.submittedAt, acceptedAt: detail.lot.acceptedAt }
          : {}),
      },
      data,
    });
    if (count !== 1) throw new DomainError("lot:errors.changedByOther", { status: 409 });
    // The receipt commits with the change: a replay of the key changes nothing (decision 0017).
    if (command)
      await tx.commandReceipt.create({
        data: {
          userId: viewer.id,
          key: command.key,
          lotId,
          kind: "transition",
          baseVersion: command.baseVersion ?? null,
          subjectId: action,
        },
        select: { key: true },
      });
    // A failing lot accepted by its §5.0.6 route binds the route to this acceptance (0032).
    const route = action === "accept" ? await bindAcceptRoute(tx, detail, now) : undefined;
    // What is signed is read inside the transaction: a photo or entry that committed after the
    // page was read (a slow upload) is either in the signed content or refused, never after it.
    let signed = detail;
    if (action === "accept" || action === "submit") {
      const fresh = await getLot(tx, lotId, viewer, scope);
      if (fresh) {
        signed = { ...fresh, lot: { ...fresh.lot, status: from } };
        assertMay(signed, viewer, action, reason);
      }
    }
    const pending: SignoffContent | undefined = signoff && {
      signerId: viewer.id,
      conclusion: signoff.conclusion,
      imageSha256: signoff.image.sha256,
      foreman: signoff.foreman ?? null,
    };
    // 验收签认 binds the newest 施工自检 signature and its own; 施工自检 binds its own only.
    const selfCheck = latestSignature(signed.lot, "selfcheck");
    const contentHash =
      action === "accept"
        ? lotContentHash(
            signed,
            pending
              ? {
                  ...(selfCheck ? { selfCheck: signoffOf(selfCheck) } : {}),
                  accept: pending,
                }
              : currentSignoffs(signed.lot),
          )
        : action === "submit" && pending
          ? lotContentHash(signed, { selfCheck: pending })
          : undefined;
    const signature =
      signoff && pending && contentHash
        ? await tx.lotSignature.create({
            data: {
              lotId,
              kind: action === "accept" ? "accept" : "selfcheck",
              signerId: viewer.id,
              foreman: pending.foreman ?? null,
              conclusion: pending.conclusion,
              imageSha256: pending.imageSha256,
              imagePng: new Uint8Array(signoff.image.png),
              contentHash,
              signedAt: now,
            },
            select: { id: true, kind: true },
          })
        : null;
    await recordEvent(
      tx,
      {
        actorId: viewer.id,
        action: `lot.${action}`,
        entityType: "InspectionLot",
        entityId: lotId,
        data: {
          from,
          to: next,
          reason: reason ?? undefined,
          verdict: verdictTextZh(signed.verdict.summary),
          contentHash,
          route,
          signature: signature ? { id: signature.id, kind: signature.kind, ...pending } : undefined,
        },
      },
      now,
    );
  });
  return next;
}
