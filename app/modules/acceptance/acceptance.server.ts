import type { Db } from "~/infra/db.server";
import { recordEvent } from "~/modules/audit/record.server";
import type { Actor } from "~/modules/auth/permissions";
import { checkSigningPassword } from "~/modules/auth/signing-password.server";
import { acceptanceContentHash } from "./content";
import { CONCLUSION_LABELS_ZH, type Conclusion, canHoldSeat, PARTY_LABELS_ZH } from "./parties";
import { allMet } from "./prerequisites";
import {
  compoundRecord,
  contentOf,
  currentContentHash,
  partySeats,
  prerequisitesOf,
  type Seat,
} from "./record.server";
import type { SignatureImage } from "./signature-image.server";

type Viewer = Actor & { id: string; title: string };

export class AcceptanceError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export const CONCLUDED_MESSAGE = "本次竣工验收已结束，验收记录及签字不可更改";
export const COMPOUND_ACCEPTED_MESSAGE =
  "本小区已竣工验收合格，记录已封存：不能新建检验批、撤销验收或登记质量问题";

const ACCEPTANCE_SELECT = {
  id: true,
  compoundId: true,
  status: true,
  conclusion: true,
  remarks: true,
  contentHash: true,
  openedAt: true,
  closedAt: true,
  voidReason: true,
  openedBy: { select: { displayName: true } },
  participants: {
    orderBy: { seq: "asc" },
    select: {
      id: true,
      seq: true,
      party: true,
      organizationId: true,
      userId: true,
      required: true,
      organization: { select: { name: true } },
      user: { select: { displayName: true, title: true } },
      signature: {
        select: {
          id: true,
          signedAt: true,
          contentHash: true,
          opinion: true,
          imageSha256: true,
          imagePng: true,
        },
      },
    },
  },
} as const;

export async function getAcceptance(db: Db, acceptanceId: string) {
  return db.finalAcceptance.findUnique({ where: { id: acceptanceId }, select: ACCEPTANCE_SELECT });
}
export type AcceptanceDetail = NonNullable<Awaited<ReturnType<typeof getAcceptance>>>;

/** The session that speaks for the compound: a concluded or open one, newest first. */
export async function currentAcceptance(db: Db, compoundId: string) {
  return db.finalAcceptance.findFirst({
    where: { compoundId, status: { not: "void" } },
    orderBy: { openedAt: "desc" },
    select: ACCEPTANCE_SELECT,
  });
}

/** Refusal message when the compound's record is sealed by a passed acceptance, else null. */
export async function compoundSealedMessage(db: Db, compoundId: string): Promise<string | null> {
  const passed = await db.finalAcceptance.count({ where: { compoundId, status: "passed" } });
  return passed > 0 ? COMPOUND_ACCEPTED_MESSAGE : null;
}

/**
 * Who organises: the 建设单位's 项目负责人 (GB 50300 §6.0.6; 建质〔2013〕171号 第五条), i.e. a person
 * of the compound's owner organisation holding that post; null when the viewer is not one.
 */
export function organiserRefusal(viewer: Viewer, seats: Seat[]): string | null {
  const owner = seats.find((s) => s.party === "owner");
  if (owner?.organizationId && viewer.organizationId === owner.organizationId)
    return canHoldSeat("owner", viewer.title)
      ? null
      : `竣工验收由建设单位（${owner.organizationName}）项目负责人组织`;
  return `竣工验收由建设单位（${owner?.organizationName ?? "未登记"}）组织`;
}

/** Everything the acceptance page shows, computed live. */
export async function acceptanceOverview(db: Db, compoundId: string) {
  const record = await compoundRecord(db, compoundId);
  if (!record) return null;
  const seats = await partySeats(db, record);
  const prerequisites = prerequisitesOf(record, seats);
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

/** The bureau opens the session: names one signatory per party and states the conclusion. */
export async function openAcceptance(db: Db, viewer: Viewer, compoundId: string, input: OpenInput) {
  const record = await compoundRecord(db, compoundId);
  if (!record) throw new AcceptanceError("小区不存在", 404);
  const seats = await partySeats(db, record);
  const refusal = organiserRefusal(viewer, seats);
  if (refusal) throw new AcceptanceError(refusal, 403);
  const existing = await currentAcceptance(db, compoundId);
  if (existing?.status === "passed") throw new AcceptanceError(CONCLUDED_MESSAGE, 409);
  if (existing?.status === "open")
    throw new AcceptanceError("本小区已有进行中的竣工验收，请先完成或作废", 409);
  const prerequisites = prerequisitesOf(record, seats);
  if (input.conclusion === "pass" && !allMet(prerequisites)) {
    const unmet = prerequisites.filter((p) => !p.ok).map((p) => p.labelZh);
    throw new AcceptanceError(`验收条件未满足：${unmet.join("、")}`, 409);
  }
  const remarks = input.remarks.trim();
  if (input.conclusion === "fail" && !remarks)
    throw new AcceptanceError("结论为不合格时请填写意见");
  const participants = seats.map((seat) => {
    const userId = input.signatories[seat.seq];
    const chosen = seat.people.find((p) => p.id === userId);
    if (!chosen || !seat.organizationId)
      throw new AcceptanceError(
        `请为${PARTY_LABELS_ZH[seat.party]}（${seat.organizationName}）指定签字人`,
      );
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
  if (!acceptance) throw new AcceptanceError("竣工验收不存在", 404);
  const seat = acceptance.participants.find((p) => p.userId === viewer.id);
  if (!seat) throw new AcceptanceError("您不是本次竣工验收的签字人", 403);
  if (acceptance.status === "void") throw new AcceptanceError("本次竣工验收已作废", 409);
  if (acceptance.status !== "open") throw new AcceptanceError(CONCLUDED_MESSAGE, 409);
  if (seat.signature) throw new AcceptanceError("您已签字，签字不可更改", 409);

  const password = await checkSigningPassword(db, viewer.id, input.password, now);
  if (!password.ok) throw new AcceptanceError(password.message, password.status);

  const current = await currentContentHash(db, acceptance);
  if (current !== acceptance.contentHash)
    throw new AcceptanceError(
      "验收发起后小区的检验批或质量问题已有变化，签字内容不一致：请建设单位作废本次验收后重新发起",
      409,
    );
  const opinion = input.opinion.trim() || "同意";
  return db.$transaction(async (tx) => {
    const fresh = await tx.finalAcceptance.findUniqueOrThrow({
      where: { id: acceptanceId },
      select: { status: true, participants: { select: { required: true, signature: true } } },
    });
    if (fresh.status !== "open") throw new AcceptanceError(CONCLUDED_MESSAGE, 409);
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
    const status = acceptance.conclusion === "pass" ? "passed" : "failed";
    const { count } = await tx.finalAcceptance.updateMany({
      where: { id: acceptanceId, status: "open" },
      data: { status, closedAt: now },
    });
    if (count !== 1) throw new AcceptanceError(CONCLUDED_MESSAGE, 409);
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
          conclusion: CONCLUSION_LABELS_ZH[acceptance.conclusion as Conclusion],
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
  if (!record) throw new AcceptanceError("竣工验收不存在", 404);
  const refusal = organiserRefusal(viewer, await partySeats(db, record));
  if (refusal) throw new AcceptanceError(refusal, 403);
  const acceptance = await getAcceptance(db, acceptanceId);
  if (!acceptance || acceptance.compoundId !== compoundId)
    throw new AcceptanceError("竣工验收不存在", 404);
  if (acceptance.status === "passed" || acceptance.status === "failed")
    throw new AcceptanceError(CONCLUDED_MESSAGE, 409);
  if (acceptance.status !== "open") throw new AcceptanceError("本次竣工验收已作废", 409);
  if (!reason.trim()) throw new AcceptanceError("请填写作废原因");
  await db.$transaction(async (tx) => {
    const { count } = await tx.finalAcceptance.updateMany({
      where: { id: acceptanceId, compoundId, status: "open" },
      data: { status: "void", voidReason: reason.trim(), closedAt: new Date() },
    });
    if (count !== 1) throw new AcceptanceError("竣工验收状态已被他人更改，请刷新后重试", 409);
    await recordEvent(tx, {
      actorId: viewer.id,
      action: "acceptance.void",
      entityType: "FinalAcceptance",
      entityId: acceptanceId,
      data: { from: "open", to: "void", reason: reason.trim() },
    });
  });
}
