import type { Db } from "~/infra/db.server";
import { type Action, type Actor, type Scope, scopeFor } from "~/modules/auth/permissions";
import { compoundIdFilter } from "./access.server";

/** The compounds on the residents' hub, with counts of each strand of work. */
export async function residentsHub(db: Db, viewer: Actor, scope: Scope) {
  const filter = await compoundIdFilter(db, viewer, scope);
  const compounds = await db.compound.findMany({
    where: filter ? { id: filter } : {},
    select: { id: true, code: true, name: true, households: true },
    orderBy: { code: "asc" },
  });
  const ids = compounds.map((c) => c.id);
  const [households, reviews, warranty, illegal, passed] = await Promise.all([
    db.household.groupBy({ by: ["compoundId"], where: { compoundId: { in: ids } }, _count: true }),
    db.residentReview.groupBy({
      by: ["compoundId"],
      where: { compoundId: { in: ids } },
      _count: true,
    }),
    db.warrantyDefect.groupBy({
      by: ["compoundId"],
      where: { compoundId: { in: ids }, status: { not: "closed" } },
      _count: true,
    }),
    db.illegalStructure.groupBy({
      by: ["compoundId"],
      where: { compoundId: { in: ids }, status: { not: "demolished" } },
      _count: true,
    }),
    db.finalAcceptance.findMany({
      where: { compoundId: { in: ids }, status: "passed" },
      select: { compoundId: true },
    }),
  ]);
  const count = (rows: { compoundId: string; _count: number }[], id: string) =>
    rows.find((r) => r.compoundId === id)?._count ?? 0;
  return compounds.map((c) => ({
    ...c,
    surveyed: count(households, c.id),
    reviews: count(reviews, c.id),
    openWarranty: count(warranty, c.id),
    openIllegal: count(illegal, c.id),
    managed: passed.some((p) => p.compoundId === c.id),
  }));
}

/** The hub's view model: the compounds and which strands of work the viewer may open. */
export async function residentsHubPage(db: Db, viewer: Actor, scope: Scope) {
  const may = (a: Action) => scopeFor(viewer.role, a) !== null;
  return {
    compounds: await residentsHub(db, viewer, scope),
    may: {
      survey: may("survey.view"),
      reviews: may("review.view") || may("review.manage"),
      warranty: may("warranty.view"),
      illegal: may("illegal.view"),
    },
  };
}
