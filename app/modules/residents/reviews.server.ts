import { createHash } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import { recordEvent } from "~/modules/audit/record.server";
import type { Actor } from "~/modules/auth/permissions";
import { DEFAULT_LNG } from "~/modules/i18n/config";
import type { ResidentsT } from "./i18n";
import { residentsTFor } from "./i18n.server";
import { hashCode, newHouseholdCode } from "./review-codes.server";
import {
  nextWindow,
  RATE_LIMITS,
  type ReviewTopic,
  ratingKey,
  ratingRefusal,
} from "./review-rules";

type Viewer = Actor & { id: string };

export async function compoundPassed(db: Db, compoundId: string) {
  return (await db.finalAcceptance.count({ where: { compoundId, status: "passed" } })) > 0;
}

/** The plan as the community last saved it (null when none yet). */
export async function getPlan(db: Db, compoundId: string) {
  return db.compoundPlan.findUnique({
    where: { compoundId },
    select: { worksText: true, budgetYuan: true, startsOn: true, endsOn: true, publishedAt: true },
  });
}

export type PlanInput = {
  worksText: string;
  budgetYuan: number;
  startsOn: Date;
  endsOn: Date;
  publish: boolean;
};

/** Saves (and optionally publishes) the plan shown on the public page, with its audit event. */
export async function savePlan(db: Db, viewer: Viewer, compoundId: string, input: PlanInput) {
  if (input.endsOn < input.startsOn)
    throw new DomainError("residents:errors.endsBeforeStarts", { status: 400, field: "endsOn" });
  const now = new Date();
  const data = {
    worksText: input.worksText,
    budgetYuan: input.budgetYuan,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    publishedAt: input.publish ? now : null,
    publishedById: input.publish ? viewer.id : null,
  };
  await db.$transaction(async (tx) => {
    const plan = await tx.compoundPlan.upsert({
      where: { compoundId },
      create: { compoundId, ...data },
      update: data,
      select: { id: true },
    });
    await recordEvent(
      tx,
      {
        actorId: viewer.id,
        action: input.publish ? "plan.publish" : "plan.save",
        entityType: "CompoundPlan",
        entityId: plan.id,
        data: { ...data, startsOn: data.startsOn.toISOString(), endsOn: data.endsOn.toISOString() },
      },
      now,
    );
  });
}

/**
 * Gives every surveyed household without a code a new one. The plain codes are returned once,
 * for the printable sheet; only their hashes are stored.
 */
export async function issueHouseholdCodes(db: Db, viewer: Viewer, compoundId: string) {
  const households = await db.household.findMany({
    where: {
      compoundId,
      id: {
        notIn: (
          await db.reviewCode.findMany({ where: { compoundId }, select: { householdId: true } })
        ).map((c) => c.householdId),
      },
    },
    select: { id: true, buildingId: true, stairwellId: true, room: true },
  });
  const places = await db.stairwell.findMany({
    where: { building: { compoundId } },
    select: { id: true, name: true, building: { select: { name: true } } },
  });
  const label = (id: string) => {
    const s = places.find((p) => p.id === id);
    return s ? `${s.building.name}${s.name}` : "";
  };
  const issued = households.map((h) => ({ ...h, code: newHouseholdCode() }));
  await db.$transaction(async (tx) => {
    await tx.reviewCode.createMany({
      data: issued.map((h) => ({
        compoundId,
        householdId: h.id,
        buildingId: h.buildingId,
        codeHash: hashCode(h.code),
      })),
    });
    await recordEvent(tx, {
      actorId: viewer.id,
      action: "review.codes",
      entityType: "Compound",
      entityId: compoundId,
      data: { issued: issued.length },
    });
  });
  return issued
    .map((h) => ({ place: label(h.stairwellId), room: h.room, code: h.code }))
    .sort(
      (a, b) =>
        a.place.localeCompare(b.place, "zh", { numeric: true }) ||
        a.room.localeCompare(b.room, "zh", { numeric: true }),
    );
}

/**
 * One more attempt under `key`; false when the window's limit is reached. In the database so
 * that it holds across restarts and server processes.
 */
export async function takeRateLimit(
  db: Db,
  key: string,
  limit: { max: number; windowMs: number },
  now = new Date(),
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const current = await tx.publicRateLimit.findUnique({
      where: { key },
      select: { windowStart: true, count: true },
    });
    const next = nextWindow(current, now, limit.windowMs);
    if (next.count > limit.max) return false;
    await tx.publicRateLimit.upsert({ where: { key }, create: { key, ...next }, update: next });
    return true;
  });
}

const addressKey = (address: string) =>
  `review-ip:${createHash("sha256").update(address).digest("hex").slice(0, 32)}`;

export type PublicReviewInput = {
  topic: ReviewTopic;
  code: string;
  rating: number;
  opinion: string;
};

/**
 * A resident's 评议 (plan) or 满意度 (finished work): rate limits per client address and per
 * code first, then the code, then one per household and topic. Stored as pending until the
 * community publishes it. Refusals are DomainErrors.
 */
export async function submitPublicReview(
  db: Db,
  compoundCode: string,
  clientAddress: string,
  input: PublicReviewInput,
  now = new Date(),
) {
  const compound = await db.compound.findUnique({
    where: { code: compoundCode },
    select: { id: true },
  });
  if (!compound) throw new DomainError("residents:errors.compoundNotFound", { status: 404 });
  if (!(await takeRateLimit(db, addressKey(clientAddress), RATE_LIMITS.address, now)))
    throw new DomainError("residents:errors.tooFrequent", { status: 429 });
  const codeHash = hashCode(input.code);
  if (!(await takeRateLimit(db, `review-code:${codeHash}`, RATE_LIMITS.code, now)))
    throw new DomainError("residents:errors.codeTooManyAttempts", { status: 429 });
  const refusal = ratingRefusal(input.topic, input.rating);
  if (refusal) throw refusal;
  const code = await db.reviewCode.findFirst({
    where: { codeHash, compoundId: compound.id },
    select: { id: true, buildingId: true },
  });
  if (!code) throw new DomainError("residents:errors.codeWrong", { status: 400, field: "code" });
  if (input.topic === "plan") {
    const plan = await getPlan(db, compound.id);
    if (!plan?.publishedAt)
      throw new DomainError("residents:errors.planNotPublished", { status: 409 });
  } else if (!(await compoundPassed(db, compound.id)))
    throw new DomainError("residents:errors.notAccepted", { status: 409 });
  try {
    await db.$transaction(async (tx) => {
      const review = await tx.residentReview.create({
        data: {
          compoundId: compound.id,
          buildingId: code.buildingId,
          codeId: code.id,
          topic: input.topic,
          rating: input.rating,
          opinion: input.opinion,
          createdAt: now,
        },
        select: { id: true },
      });
      await recordEvent(
        tx,
        {
          actorId: null,
          action: "review.submit",
          entityType: "ResidentReview",
          entityId: review.id,
          data: { compoundId: compound.id, topic: input.topic, rating: input.rating },
        },
        now,
      );
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
      throw new DomainError("residents:errors.codeUsed", { status: 409 });
    throw e;
  }
}

/** Community moderation: publish or hide one review of its compound, with its audit event. */
export async function moderateReview(
  db: Db,
  viewer: Viewer,
  compoundId: string,
  reviewId: string,
  to: "published" | "hidden",
) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.residentReview.updateMany({
      where: { id: reviewId, compoundId },
      data: { status: to, moderatedById: viewer.id, moderatedAt: new Date() },
    });
    if (count !== 1) throw new DomainError("residents:errors.reviewNotFound", { status: 404 });
    await recordEvent(tx, {
      actorId: viewer.id,
      action: `review.${to === "published" ? "publish" : "hide"}`,
      entityType: "ResidentReview",
      entityId: reviewId,
      data: { to },
    });
  });
}

/** Counts per topic and building: what the bureau reads and the acceptance documents show. */
export async function reviewSummary(db: Db, compoundId: string) {
  const [rows, buildings, codes] = await Promise.all([
    db.residentReview.findMany({
      where: { compoundId, status: { not: "hidden" } },
      select: { topic: true, rating: true, buildingId: true },
    }),
    db.building.findMany({
      where: { compoundId },
      select: { id: true, name: true },
      orderBy: { seq: "asc" },
    }),
    db.reviewCode.count({ where: { compoundId } }),
  ]);
  const plan = rows.filter((r) => r.topic === "plan");
  const work = rows.filter((r) => r.topic === "work");
  const avg = (xs: number[]) =>
    xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null;
  return {
    codes,
    plan: { total: plan.length, agree: plan.filter((r) => r.rating === 1).length },
    work: {
      total: work.length,
      average: avg(work.map((r) => r.rating)),
      satisfied: work.filter((r) => r.rating >= 4).length,
      byBuilding: buildings
        .map((b) => {
          const own = work.filter((r) => r.buildingId === b.id).map((r) => r.rating);
          return { building: b.name, count: own.length, average: avg(own) };
        })
        .filter((b) => b.count > 0),
    },
  };
}
export type ReviewSummary = Awaited<ReturnType<typeof reviewSummary>>;

/** Every review for the community's moderation (opinions only; no code, no household). */
export async function reviewsForModeration(db: Db, compoundId: string) {
  const [rows, buildings] = await Promise.all([
    db.residentReview.findMany({
      where: { compoundId },
      select: {
        id: true,
        topic: true,
        rating: true,
        opinion: true,
        status: true,
        createdAt: true,
        buildingId: true,
      },
      orderBy: { createdAt: "desc" },
      take: 200,
    }),
    db.building.findMany({ where: { compoundId }, select: { id: true, name: true } }),
  ]);
  return rows.map((r) => ({
    ...r,
    building: buildings.find((b) => b.id === r.buildingId)?.name ?? "",
    rating: ratingKey(r.topic as ReviewTopic, r.rating),
  }));
}

/**
 * 居民评议及满意度 for the acceptance documents: plain lines the acceptance page or its PDF
 * can print under their own heading (counts only, no opinions' text, no households).
 */
export async function acceptanceReviewLines(
  db: Db,
  compoundId: string,
  t: ResidentsT = residentsTFor(DEFAULT_LNG).t,
): Promise<string[]> {
  const s = await reviewSummary(db, compoundId);
  const lines = [
    t("record.reviewLines.codes", {
      codes: s.codes,
      planTotal: s.plan.total,
      agree: s.plan.agree,
    }),
    s.work.total > 0
      ? t("record.reviewLines.work", {
          total: s.work.total,
          average: s.work.average ?? 0,
          satisfied: s.work.satisfied,
        })
      : t("record.reviewLines.noWork"),
  ];
  for (const b of s.work.byBuilding)
    lines.push(
      t("record.reviewLines.building", {
        building: b.building,
        count: b.count,
        average: b.average ?? 0,
      }),
    );
  return lines;
}
