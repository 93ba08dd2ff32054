import { describe, expect, it } from "vitest";
import { publicNotice } from "~/modules/dashboard/public.server";
import { publicResidents } from "~/modules/residents/public.server";
import { hashCode } from "~/modules/residents/review-codes.server";
import { normaliseCode } from "~/modules/residents/review-rules";
import {
  issueHouseholdCodes,
  moderateReview,
  reviewSummary,
  savePlan,
  submitPublicReview,
} from "~/modules/residents/reviews.server";
import { buildActor, buildCompound } from "../support/builders";
import { refusal } from "../support/refusal";
import { compoundByCode, demoUser } from "../support/residents";
import { testDb } from "../support/test-db";

describe("公示 and 评议 on the public page", () => {
  const db = testDb({ seeded: true });

  async function published() {
    const anhua = await demoUser(db, "anhua");
    const nh = await compoundByCode(db, "NH");
    await savePlan(db, anhua, nh.id, {
      worksText: "楼道声控灯更换\n栏杆维修",
      budgetYuan: 1_000_000,
      startsOn: new Date("2021-04-16T00:00:00+08:00"),
      endsOn: new Date("2021-07-15T00:00:00+08:00"),
      publish: true,
    });
    const codes = await issueHouseholdCodes(db, anhua, nh.id);
    return { anhua, nh, codes };
  }

  it("takes one opinion per household code and refuses the second; hashes only are stored", async () => {
    const { anhua, nh, codes } = await published();
    expect(codes.length).toBe(5);
    const code = codes[0]!.code;
    expect(await db.reviewCode.count({ where: { codeHash: hashCode(code) } })).toBe(1);
    expect(await db.reviewCode.count({ where: { codeHash: normaliseCode(code) } })).toBe(0);
    // Issuing again gives no household a second code.
    expect(await issueHouseholdCodes(db, anhua, nh.id)).toEqual([]);

    const input = {
      topic: "plan" as const,
      code: code.toLowerCase(),
      rating: 1,
      opinion: "同意，希望先修 1 栋的灯",
    };
    await submitPublicReview(db, "NH", "10.0.0.1", input);
    expect(
      await refusal(submitPublicReview(db, "NH", "10.0.0.2", { ...input, rating: 0 })),
    ).toEqual({
      status: 409,
      message: "该评议码已提交过，每户只能提交一次",
    });
    expect(
      await refusal(submitPublicReview(db, "NH", "10.0.0.3", { ...input, code: "ABCDE-FGHJK" })),
    ).toMatchObject({ status: 400 });
    // Satisfaction only after acceptance.
    expect(
      await refusal(
        submitPublicReview(db, "NH", "10.0.0.4", { ...input, topic: "work", rating: 5 }),
      ),
    ).toMatchObject({ status: 409 });

    // Pending until the community publishes it.
    let pub = await publicResidents(db, "NH");
    expect(pub?.opinions).toEqual([]);
    expect(pub?.summary.plan).toEqual({ total: 1, agree: 1 });
    const review = await db.residentReview.findFirstOrThrow({ select: { id: true } });
    await moderateReview(db, anhua, nh.id, review.id, "published");
    pub = await publicResidents(db, "NH");
    expect(pub?.opinions.map((o) => o.opinion)).toEqual(["同意，希望先修 1 栋的灯"]);
    // Another street cannot moderate it by a guessed id.
    const yushui = await demoUser(db, "yushui");
    const wzb = await compoundByCode(db, "WZB");
    expect(await refusal(moderateReview(db, yushui, wzb.id, review.id, "hidden"))).toMatchObject({
      status: 404,
    });
    expect((await reviewSummary(db, nh.id)).plan.total).toBe(1);
  });

  it("limits attempts per code and per client address, in the database", async () => {
    const wrong = { topic: "plan" as const, code: "ZZZZZ-ZZZZZ", rating: 1, opinion: "" };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push(
        (await refusal(submitPublicReview(db, "NH", `10.1.0.${i}`, wrong)))?.status ?? 0,
      );
    // 5 attempts per code an hour; the sixth is refused before the code is even looked up.
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    const now = new Date();
    const fromOne: number[] = [];
    for (let i = 0; i < 21; i += 1) {
      const other = { ...wrong, code: `YYYYY-YYY${"23456789ABCDEFGHJKMNPQRSTUVWXYZ"[i]}Y` };
      fromOne.push(
        (await refusal(submitPublicReview(db, "NH", "10.9.9.9", other, now)))?.status ?? 0,
      );
    }
    expect(fromOne.slice(0, 20).every((s) => s === 400)).toBe(true);
    expect(fromOne[20]).toBe(429);
  });

  it("shows no personal data on the public page", async () => {
    const nh = await compoundByCode(db, "NH");
    const households = await db.household.findMany({
      where: { compoundId: nh.id },
      select: { headName: true, phone: true },
    });
    const users = await db.user.findMany({ select: { displayName: true, phone: true } });
    const page = JSON.stringify({
      notice: await publicNotice(db, "NH"),
      residents: await publicResidents(db, "NH"),
    });
    for (const h of households) {
      expect(page).not.toContain(h.headName);
      if (h.phone) expect(page).not.toContain(h.phone);
    }
    for (const u of users) expect(page).not.toContain(u.displayName);
  });

  it("moderates only its own compound's reviews (a guessed review id finds nothing)", async () => {
    const street = await buildActor(db, "street");
    const own = await buildCompound(db, { streetOfficeOrgId: street.organizationId });
    const other = await buildCompound(db);
    const [household] = await Promise.all([
      db.household.create({
        data: {
          compoundId: other.id,
          buildingId: other.buildings[0]?.id ?? "",
          stairwellId: other.buildings[0]?.stairwells[0]?.id ?? "",
          room: "101",
          headName: "住户",
          occupancy: "owner",
          consent: "agree",
          createdById: street.id,
        },
        select: { id: true },
      }),
    ]);
    const code = await db.reviewCode.create({
      data: {
        compoundId: other.id,
        householdId: household?.id ?? "",
        buildingId: other.buildings[0]?.id ?? "",
        codeHash: hashCode("ABCDE-FGHJK"),
      },
      select: { id: true },
    });
    const review = await db.residentReview.create({
      data: {
        compoundId: other.id,
        buildingId: other.buildings[0]?.id ?? "",
        codeId: code.id,
        topic: "plan",
        rating: 1,
        opinion: "好",
      },
      select: { id: true },
    });
    expect(await refusal(moderateReview(db, street, own.id, review.id, "published"))).toEqual({
      status: 404,
      message: "评议不存在或您无权查看",
    });
    expect(
      (await refusal(moderateReview(db, street, own.id, review.id, "published"), "en"))?.message,
    ).toBe("The review does not exist or you may not see it");
    const after = await db.residentReview.findUniqueOrThrow({
      where: { id: review.id },
      select: { status: true },
    });
    expect(after.status).toBe("pending");
  });
});
