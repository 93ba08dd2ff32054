import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import { zhT } from "~/modules/acceptance/zh";
import { recordEvent } from "~/modules/audit/record.server";
import type { Actor } from "~/modules/auth/permissions";
import { checkSigningPassword } from "~/modules/auth/signing-password.server";
import { acceptanceContentHash } from "./content";
import { type Conclusion, canHoldSeat, conclusionZh } from "./parties";
import { allMet, LADDER_PREREQ_KEYS } from "./prerequisites";
import {
  compoundRecord,
  contentOf,
  currentContentHash,
  partySeats,
  prerequisitesOf,
  type Seat,
} from "./record.server";
import { currentAcceptance, getAcceptance } from "./session.server";
import type { SignatureImage } from "./signature-image.server";
import { type AnyT, prerequisiteLabel } from "./words";

type Viewer = Actor & { id: string; title: string };

/** The opinion recorded when a signer leaves it empty: record data, in the record's language. */
const AGREED = "同意";

// Lot and defect modules ask here whether a compound is sealed.
export {
  assertCompoundNotSealed,
  compoundSealedError,
  compoundSealedMessage,
} from "./sealed.server";
export { type AcceptanceDetail, currentAcceptance, getAcceptance } from "./session.server";

const concluded = () => new DomainError("acceptance:errors.concluded", { status: 409 });
const notFoundError = () => new DomainError("acceptance:errors.notFound", { status: 404 });

/**
 * Who organises: the 建设单位's 项目负责人 (GB 50300 §6.0.6; 建质〔2013〕171号 第五条), i.e. a person
 * of the compound's owner organisation holding that post; null when the viewer is not one.
 */
export function organiserRefusal(viewer: Viewer, seats: Seat[]): DomainError | null {
  const owner = seats.find((s) => s.party === "owner");
  if (owner?.organizationId && viewer.organizationId === owner.organizationId)
    return canHoldSeat("owner", viewer.title)
      ? null
      : new DomainError("acceptance:errors.organiserPost", {
          status: 403,
          params: { organization: owner.organizationName },
        });
  return new DomainError("acceptance:errors.organiserOnly", {
    status: 403,
    params: { organization: owner?.organizationName ?? "—" },
  });
}

/** Everything the acceptance page shows, computed live. */
export async function acceptanceOverview(db: Db, compoundId: string, t: AnyT = zhT() as AnyT) {
  const record = await compoundRecord(db, compoundId);
  if (!record) return null;
  const seats = await partySeats(db, record, t);
  const prerequisites = prerequisitesOf(record, seats, t);
  const acceptance = await currentAcceptance(db, compoundId);
  const current = acceptance ? await currentContentHash(db, acceptance) : null;
  return {
    record,
    seats,
    prerequisites,
    acceptance,
    hashCheck: acceptance
      ? {
          stored: acceptance.contentHash,
          current,
          matches: current === acceptance.contentHash,
          signaturesMatch: acceptance.participants.every(
            (p) => !p.signature || p.signature.contentHash === acceptance.contentHash,
          ),
        }
      : null,
  };
}

export type OpenInput = {
  conclusion: Conclusion;
  remarks: string;
  /** the chosen user per seat number */
  signatories: Record<number, string>;
};

/**
 * The organiser opens the session: names one signatory per party and states the conclusion.
 * `t` words the unmet prerequisites a refusal lists (the reader's language).
 */
export async function openAcceptance(
  db: Db,
  viewer: Viewer,
  compoundId: string,
  input: OpenInput,
  t: AnyT = zhT(),
) {
  const record = await compoundRecord(db, compoundId);
  if (!record) throw new DomainError("acceptance:errors.compoundNotFound", { status: 404 });
  const seats = await partySeats(db, record, t);
  const refusal = organiserRefusal(viewer, seats);
  if (refusal) throw refusal;
  const existing = await currentAcceptance(db, compoundId);
  if (existing?.status === "passed") throw concluded();
  if (existing?.status === "open")
    throw new DomainError("acceptance:errors.alreadyOpen", { status: 409 });
  const prerequisites = prerequisitesOf(record, seats, t);
  // The ladder's order (§6.0.5, §6.0.6; decision 0033): no session, whatever its conclusion,
  // before every 竣工报告 is in and the 预验收 has passed.
  const early = prerequisites.filter((p) => LADDER_PREREQ_KEYS.includes(p.key) && !p.ok);
  if (early.length > 0)
    throw new DomainError("acceptance:errors.ladderUnmet", {
      status: 409,
      params: {
        unmet: early
          .map((p) => prerequisiteLabel(t, p.key))
          .join(t("acceptance:prereq.listSeparator")),
      },
    });
  if (input.conclusion === "pass" && !allMet(prerequisites)) {
    const unmet = prerequisites.filter((p) => !p.ok).map((p) => prerequisiteLabel(t, p.key));
    throw new DomainError("acceptance:errors.prerequisitesUnmet", {
      status: 409,
      params: { unmet: unmet.join(t("acceptance:prereq.listSeparator")) },
    });
  }
  const remarks = input.remarks.trim();
  if (input.conclusion === "fail" && !remarks)
    throw new DomainError("acceptance:errors.failNeedsRemarks", { status: 400, field: "remarks" });
  const participants = seats.map((seat) => {
    const userId = input.signatories[seat.seq];
    const chosen = seat.people.find((p) => p.id === userId);
    if (!chosen || !seat.organizationId)
      throw new DomainError("acceptance:errors.signatoryMissing", {
        status: 400,
        params: { party: t(`acceptance:party.${seat.party}`), organization: seat.organizationName },
      });
    return {
      seq: seat.seq,
      party: seat.party,
      organizationId: seat.organizationId,
      userId: chosen.id,
    };
  });
  const contentHash = acceptanceContentHash(
    contentOf(record, participants, input.conclusion, remarks),
  );
  return db.$transaction(async (tx) => {
    const acceptance = await tx.finalAcceptance.create({
      data: {
        compoundId,
        openedById: viewer.id,
        conclusion: input.conclusion,
        remarks,
        contentHash,
        participants: { create: participants.map((p) => ({ ...p, required: true })) },
      },
      select: { id: true },
    });
    await recordEvent(tx, {
      actorId: viewer.id,
      action: "acceptance.open",
      entityType: "FinalAcceptance",
      entityId: acceptance.id,
      data: { compoundId, conclusion: input.conclusion, remarks, contentHash, to: "open" },
    });
    for (const p of participants) {
      await recordEvent(tx, {
        actorId: viewer.id,
        action: "acceptance.participant",
        entityType: "FinalAcceptance",
        entityId: acceptance.id,
        data: p,
      });
    }
    return acceptance;
  });
}

export type SignInput = { password: string; image: SignatureImage; opinion: string };

/**
 * A named participant signs as themselves, re-entering their password. The signature binds the
 * content hash; if the record changed since the session opened, nobody can sign any more.
 * The last required signature concludes the session (合格 → passed, 不合格 → failed).
 */
export async function signAcceptance(
  db: Db,
  viewer: Viewer,
  acceptanceId: string,
  input: SignInput,
  now = new Date(),
) {
  const acceptance = await getAcceptance(db, acceptanceId);
  if (!acceptance) throw notFoundError();
  const seat = acceptance.participants.find((p) => p.userId === viewer.id);
  if (!seat) throw new DomainError("acceptance:errors.notSignatory", { status: 403 });
  if (acceptance.status === "void")
    throw new DomainError("acceptance:errors.voided", { status: 409 });
  if (acceptance.status !== "open") throw concluded();
  if (seat.signature) throw new DomainError("acceptance:errors.alreadySigned", { status: 409 });

  const password = await checkSigningPassword(db, viewer.id, input.password, now);
  if (!password.ok)
    throw password.status === 429
      ? new DomainError("acceptance:errors.passwordThrottled", { status: 429 })
      : new DomainError("acceptance:errors.wrongPassword", { status: 400 });

  const current = await currentContentHash(db, acceptance);
  if (current !== acceptance.contentHash)
    throw new DomainError("acceptance:errors.contentChanged", { status: 409 });
  // An empty opinion is recorded as the conventional 同意 (the record's language, not the UI's).
  const opinion = input.opinion.trim() || AGREED;
  return db.$transaction(async (tx) => {
    const fresh = await tx.finalAcceptance.findUniqueOrThrow({
      where: { id: acceptanceId },
      select: { status: true, participants: { select: { required: true, signature: true } } },
    });
    if (fresh.status !== "open") throw concluded();
    await tx.signature.create({
      data: {
        participantId: seat.id,
        imageSha256: input.image.sha256,
        imagePng: new Uint8Array(input.image.png),
        contentHash: acceptance.contentHash,
        opinion,
        signedAt: now,
      },
    });
    await recordEvent(
      tx,
      {
        actorId: viewer.id,
        action: "acceptance.sign",
        entityType: "FinalAcceptance",
        entityId: acceptanceId,
        data: {
          participantSeq: seat.seq,
          party: seat.party,
          userId: viewer.id,
          contentHash: acceptance.contentHash,
          imageSha256: input.image.sha256,
          opinion,
        },
      },
      now,
    );
    const unsigned = fresh.participants.filter((p) => p.required && !p.signature).length - 1;
    if (unsigned > 0) return { status: "open" as const };
    const status = acceptance.conclusion === "pass" ? ("passed" as const) : ("failed" as const);
    const { count } = await tx.finalAcceptance.updateMany({
      where: { id: acceptanceId, status: "open" },
      data: { status, closedAt: now },
    });
    if (count !== 1) throw concluded();
    await recordEvent(
      tx,
      {
        actorId: viewer.id,
        action: `acceptance.${status === "passed" ? "pass" : "fail"}`,
        entityType: "FinalAcceptance",
        entityId: acceptanceId,
        data: {
          from: "open",
          to: status,
          conclusion: conclusionZh(acceptance.conclusion),
          contentHash: acceptance.contentHash,
        },
      },
      now,
    );
    return { status };
  });
}

/**
 * The organiser abandons the compound's open session (e.g. the record changed); a concluded one
 * never changes. An id of another compound's session finds nothing (404).
 */
export async function voidAcceptance(
  db: Db,
  viewer: Viewer,
  compoundId: string,
  acceptanceId: string,
  reason: string,
) {
  const record = await compoundRecord(db, compoundId);
  if (!record) throw notFoundError();
  const refusal = organiserRefusal(viewer, await partySeats(db, record));
  if (refusal) throw refusal;
  const acceptance = await getAcceptance(db, acceptanceId);
  if (!acceptance || acceptance.compoundId !== compoundId) throw notFoundError();
  if (acceptance.status === "passed" || acceptance.status === "failed") throw concluded();
  if (acceptance.status !== "open")
    throw new DomainError("acceptance:errors.voided", { status: 409 });
  if (!reason.trim())
    throw new DomainError("acceptance:errors.voidReasonRequired", { status: 400, field: "reason" });
  await db.$transaction(async (tx) => {
    const { count } = await tx.finalAcceptance.updateMany({
      where: { id: acceptanceId, compoundId, status: "open" },
      data: { status: "void", voidReason: reason.trim(), closedAt: new Date() },
    });
    if (count !== 1) throw new DomainError("acceptance:errors.changedByOther", { status: 409 });
    await recordEvent(tx, {
      actorId: viewer.id,
      action: "acceptance.void",
      entityType: "FinalAcceptance",
      entityId: acceptanceId,
      data: { from: "open", to: "void", reason: reason.trim() },
    });
  });
}
