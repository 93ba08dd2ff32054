/**
 * Signing 分项 (附录F) and 分部 (附录G) records and the 总监's 观感 ratings: each one transaction
 * with its audit event. Signatures and ratings are rows never changed (a re-rating is a new row).
 */
import { createHash } from "node:crypto";
import type { Db } from "~/infra/db.server";
import { isUniqueViolation } from "~/infra/db-errors";
import { DomainError } from "~/infra/domain-error";
import type { SignatureImage } from "~/modules/acceptance/signature-image.server";
import { canonicalJson } from "~/modules/audit/canonical";
import { recordEvent } from "~/modules/audit/record.server";
import { checkSigningPassword } from "~/modules/auth/signing-password.server";
import { isChiefSupervisor } from "~/modules/plan/plan";
import { compoundDivisions, type DivisionRecord, type SubItemRecord } from "./records.server";
import { divisionSeatOf, isRating, subItemSeatOf } from "./rules";
import type { Rating } from "./summary.server";

type Viewer = { id: string; role: string; title: string; organizationId: string };
/** What a signature stores: the conclusion as signed and the drawn image. */
export type Signing = { conclusion: string; image: SignatureImage };
export type SignInput = Signing & { password: string; confirmed: boolean };

const notFound = () => new DomainError("division:errors.notFound", { status: 404 });
const hashOf = (content: unknown) =>
  createHash("sha256").update(canonicalJson(content)).digest("hex");

/** The signer's conclusion, confirmation and password (decision 0010), before anything else. */
async function checkSigner(db: Db, viewer: Viewer, input: SignInput, now: Date) {
  if (!input.conclusion.trim())
    throw new DomainError("division:errors.conclusionRequired", {
      status: 400,
      field: "conclusion",
    });
  if (!input.confirmed)
    throw new DomainError("division:errors.confirmRequired", { status: 400, field: "confirm" });
  const password = await checkSigningPassword(db, viewer.id, input.password, now);
  if (!password.ok)
    throw new DomainError("division:errors.password", {
      status: password.status,
      params: { message: password.message },
      field: "password",
    });
}

const taken = (error: unknown): never => {
  if (isUniqueViolation(error))
    throw new DomainError("division:errors.alreadySigned", { status: 409 });
  throw error;
};

/** One signature row and its audit event, in one transaction; a second one for the seat is a 409. */
async function writeSignature(
  db: Db,
  viewer: Viewer,
  now: Date,
  w: {
    row: {
      compoundId: string;
      level: string;
      recordKey: string;
      seat: string;
      contentHash: string;
    };
    input: Signing;
    action: "division.subitem.sign" | "division.sign";
    data: Record<string, string>;
  },
) {
  await db
    .$transaction(async (tx) => {
      const row = await tx.divisionSignature.create({
        data: {
          ...w.row,
          signerId: viewer.id,
          conclusion: w.input.conclusion.trim(),
          imageSha256: w.input.image.sha256,
          imagePng: new Uint8Array(w.input.image.png),
          signedAt: now,
        },
        select: { id: true },
      });
      const event = { actorId: viewer.id, action: w.action, entityType: "DivisionRecord" as const };
      await recordEvent(tx, { ...event, entityId: row.id, data: w.data }, now);
    })
    .catch(taken);
}

/** What a 分项 signature binds: its planned lots and their lots' state. */
const subItemContent = (s: SubItemRecord) => ({
  subItem: s.id,
  lots: s.places.map((p) => ({ place: p.id, lot: p.lot })),
});

/** 附录F signed by a person after the password check (signSubItem). */
export async function signSubItem(
  db: Db,
  viewer: Viewer,
  compoundId: string,
  subItemId: string,
  input: SignInput,
  now = new Date(),
) {
  await checkSigner(db, viewer, input, now);
  await recordSubItemSignature(db, viewer, compoundId, subItemId, input, now);
}

/**
 * 附录F: the 项目专业技术负责人 of the contractor whose lots it holds, or a 监理工程师 (§6.0.2),
 * once every lot is accepted with complete records (§5.0.2). The seed and tests call it directly.
 */
export async function recordSubItemSignature(
  db: Db,
  viewer: Viewer,
  compoundId: string,
  subItemId: string,
  input: Signing,
  now = new Date(),
) {
  const divisions = await compoundDivisions(db, compoundId);
  const record = divisions.flatMap((d) => d.subItems).find((s) => s.id === subItemId);
  if (!record) throw notFound();
  const seat = subItemSeatOf(viewer);
  if (!seat) throw new DomainError("division:errors.noSeat", { status: 403 });
  if (seat === "contractorTech" && !record.contractors.some((o) => o.id === viewer.organizationId))
    throw new DomainError("division:errors.notOwnWork", { status: 403 });
  if (record.signatures.some((s) => s.seat === seat))
    throw new DomainError("division:errors.alreadySigned", { status: 409 });
  if (!record.ready) throw new DomainError("division:errors.lotsOpen", { status: 409 });
  const contentHash = hashOf(subItemContent(record));
  await writeSignature(db, viewer, now, {
    row: { compoundId, level: "subItem", recordKey: subItemId, seat, contentHash },
    input,
    action: "division.subitem.sign",
    data: { compoundId, subItemId, subItem: record.name, seat, contentHash },
  });
}

async function divisionOf(db: Db, compoundId: string, division: string) {
  const record = (await compoundDivisions(db, compoundId)).find((d) => d.division === division);
  if (!record) throw notFound();
  return record;
}

/**
 * The 总监 rates 观感质量 (§5.0.3-4): the points given (each 好/一般/差) and the overall rating.
 * Only changed ratings are stored, as new rows; closed once the 分部 record carries a signature.
 */
export async function rateAppearance(
  db: Db,
  viewer: Viewer,
  compoundId: string,
  division: string,
  input: { points: Record<string, string>; conclusion: string },
  now = new Date(),
) {
  if (!isChiefSupervisor(viewer))
    throw new DomainError("division:errors.chiefOnly", { status: 403 });
  const record = await divisionOf(db, compoundId, division);
  if (record.signatures.length > 0)
    throw new DomainError("division:errors.signedRecord", { status: 409 });
  const wanted: [string, Rating][] = [];
  for (const p of record.appearance.points) {
    const r = input.points[p.code];
    if (!isRating(r)) throw new DomainError("division:errors.ratingInvalid", { status: 400 });
    if (r !== p.rating) wanted.push([p.code, r]);
  }
  if (!isRating(input.conclusion))
    throw new DomainError("division:errors.ratingInvalid", { status: 400, field: "conclusion" });
  if (input.conclusion !== record.appearance.conclusion) wanted.push(["", input.conclusion]);
  if (wanted.length === 0) return;
  await db.$transaction(async (tx) => {
    await tx.appearanceRating.createMany({
      data: wanted.map(([point, rating]) => ({
        compoundId,
        division,
        point,
        rating,
        ratedById: viewer.id,
        ratedAt: now,
      })),
    });
    await recordEvent(
      tx,
      {
        actorId: viewer.id,
        action: "division.appearance.rate",
        entityType: "DivisionRecord",
        entityId: `${compoundId}/${division}`,
        data: { compoundId, division, ratings: Object.fromEntries(wanted) },
      },
      now,
    );
  });
}

/** What a 分部 signature binds: its 分项 records, evidence and 观感 as they stand. */
const divisionContent = (d: DivisionRecord) => ({
  division: d.division,
  subItems: d.subItems.map((s) => ({ id: s.id, signedAt: s.signedAt?.toISOString() ?? null })),
  appearance: d.appearance,
  evidence: d.evidence
    ? {
        documents: d.evidence.documents.map((x) => [x.id, x.status]),
        tests: d.evidence.tests.map((x) => [x.id, x.pass]),
      }
    : null,
});

/**
 * 附录G (§6.0.3): the contractor's 项目负责人 (of a contractor whose lots it holds), the
 * designer's 项目负责人 where involved, the 总监. Refused while §5.0.3 is unmet.
 */
export async function signDivision(
  db: Db,
  viewer: Viewer,
  compoundId: string,
  division: string,
  input: SignInput,
  reasons: (record: DivisionRecord) => string,
  now = new Date(),
) {
  await checkSigner(db, viewer, input, now);
  await recordDivisionSignature(db, viewer, compoundId, division, input, reasons, now);
}

/** 附录G signed by a person after the password check (signDivision); the seed calls it. */
export async function recordDivisionSignature(
  db: Db,
  viewer: Viewer,
  compoundId: string,
  division: string,
  input: Signing,
  reasons: (record: DivisionRecord) => string,
  now = new Date(),
) {
  const record = await divisionOf(db, compoundId, division);
  const seat = divisionSeatOf(viewer);
  if (!seat) throw new DomainError("division:errors.noSeat", { status: 403 });
  if (seat === "contractorLead" && !record.contractors.some((o) => o.id === viewer.organizationId))
    throw new DomainError("division:errors.notOwnWork", { status: 403 });
  if (record.signatures.some((s) => s.seat === seat))
    throw new DomainError("division:errors.alreadySigned", { status: 409 });
  if (record.readiness.length > 0)
    throw new DomainError("division:errors.notReady", {
      status: 409,
      params: { reasons: reasons(record) },
    });
  const contentHash = hashOf(divisionContent(record));
  await writeSignature(db, viewer, now, {
    row: { compoundId, level: "division", recordKey: division, seat, contentHash },
    input,
    action: "division.sign",
    data: { compoundId, division, seat, contentHash },
  });
}
