import type { Db } from "~/infra/db.server";
import { type RatingKey, type ReviewTopic, ratingKey } from "./review-rules";
import { compoundPassed, getPlan, reviewSummary } from "./reviews.server";

/**
 * What the public page adds for residents: the published plan, published opinions, the
 * satisfaction summary and repairs done after acceptance. No names, no codes, no phones;
 * opinions appear only once the community has published them.
 */
export async function publicResidents(db: Db, compoundCode: string) {
  const compound = await db.compound.findUnique({
    where: { code: compoundCode },
    select: {
      id: true,
      contracts: { select: { name: true, contractor: { select: { name: true } } } },
    },
  });
  if (!compound) return null;
  const [plan, passed, summary, opinions, repairs, buildings] = await Promise.all([
    getPlan(db, compound.id),
    compoundPassed(db, compound.id),
    reviewSummary(db, compound.id),
    db.residentReview.findMany({
      where: { compoundId: compound.id, status: "published", opinion: { not: "" } },
      select: {
        id: true,
        topic: true,
        rating: true,
        opinion: true,
        createdAt: true,
        buildingId: true,
      },
      orderBy: { createdAt: "desc" },
      take: 30,
    }),
    db.warrantyDefect.findMany({
      where: { compoundId: compound.id, status: "closed" },
      select: { id: true, title: true, placeLabel: true, closedAt: true, route: true },
      orderBy: { closedAt: "desc" },
      take: 30,
    }),
    db.building.findMany({ where: { compoundId: compound.id }, select: { id: true, name: true } }),
  ]);
  return {
    plan: plan?.publishedAt
      ? {
          works: plan.worksText
            .split("\n")
            .map((l) => l.trim())
            .filter(Boolean),
          budgetYuan: plan.budgetYuan,
          startsOn: plan.startsOn,
          endsOn: plan.endsOn,
          contracts: compound.contracts.map((c) => ({
            name: c.name,
            contractor: c.contractor.name,
          })),
        }
      : null,
    passed,
    summary: { plan: summary.plan, work: summary.work },
    opinions: opinions.map((o) => ({
      id: o.id,
      topic: o.topic,
      building: buildings.find((b) => b.id === o.buildingId)?.name ?? "",
      rating: ratingKey(o.topic as ReviewTopic, o.rating) satisfies RatingKey,
      opinion: o.opinion,
      createdAt: o.createdAt,
    })),
    repairs: repairs.map((r) => ({
      id: r.id,
      title: r.title,
      placeLabel: r.placeLabel,
      closedAt: r.closedAt,
      route: r.route === "contractor" ? ("contractor" as const) : ("management" as const),
    })),
  };
}
export type PublicResidents = NonNullable<Awaited<ReturnType<typeof publicResidents>>>;
