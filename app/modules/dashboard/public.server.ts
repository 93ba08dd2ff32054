import type { Db } from "~/infra/db.server";
import { applicableWorkTypes } from "~/modules/acceptance/prerequisites";
import { parseStringList } from "~/modules/checklist/queries.server";

/**
 * What the public may read about a compound (公示): progress and rectification in plain words.
 * Counts and dates only — no names, no organisations' people, no comments or defect texts.
 */
export async function publicNotice(db: Db, code: string) {
  const compound = await db.compound.findUnique({
    where: { code },
    select: {
      id: true,
      name: true,
      address: true,
      households: true,
      project: {
        select: {
          name: true,
          phases: { orderBy: { seq: "asc" }, select: { name: true, startsOn: true, endsOn: true } },
        },
      },
      buildings: { select: { _count: { select: { stairwells: true } } } },
      zones: { select: { kind: true } },
      contracts: { select: { contractor: { select: { name: true } } } },
      streetOffice: { select: { name: true } },
    },
  });
  if (!compound) return null;
  const [workTypes, lots, defects, acceptance] = await Promise.all([
    db.workType.findMany({
      select: {
        id: true,
        code: true,
        nameZh: true,
        nameEn: true,
        placeKind: true,
        zoneKinds: true,
      },
      orderBy: { seq: "asc" },
    }),
    // Counted in SQL: a compound has thousands of lots.
    db.inspectionLot.groupBy({
      by: ["workTypeId", "status"],
      where: { compoundId: compound.id },
      _count: { _all: true },
    }),
    db.defect.groupBy({ by: ["status"], where: { compoundId: compound.id }, _count: true }),
    db.finalAcceptance.findFirst({
      where: { compoundId: compound.id, status: { not: "void" } },
      orderBy: { openedAt: "desc" },
      select: { status: true, closedAt: true },
    }),
  ]);
  const applicable = applicableWorkTypes(
    {
      buildings: compound.buildings.length,
      stairwells: compound.buildings.reduce((n, b) => n + b._count.stairwells, 0),
      zoneKinds: compound.zones.map((z) => z.kind),
    },
    workTypes.map((w) => ({ ...w, zoneKinds: parseStringList(w.zoneKinds) })),
  );
  const count = (status: string) => defects.find((d) => d.status === status)?._count ?? 0;
  const found = defects.reduce((n, d) => n + d._count, 0);
  return {
    name: compound.name,
    address: compound.address,
    households: compound.households,
    project: compound.project.name,
    street: compound.streetOffice?.name ?? null,
    contractors: compound.contracts.map((c) => c.contractor.name),
    phases: compound.project.phases,
    progress: applicable.map((wt) => {
      const id = workTypes.find((w) => w.code === wt.code)?.id;
      const own = lots.filter((l) => l.workTypeId === id);
      return {
        nameZh: wt.nameZh,
        nameEn: workTypes.find((w) => w.code === wt.code)?.nameEn ?? wt.nameZh,
        total: own.reduce((n, l) => n + l._count._all, 0),
        accepted: own.reduce((n, l) => n + (l.status === "accepted" ? l._count._all : 0), 0),
      };
    }),
    defects: { found, rectified: count("closed"), rectifying: found - count("closed") },
    acceptance: acceptance
      ? {
          status: acceptance.status,
          closedAt: acceptance.closedAt,
        }
      : null,
  };
}
