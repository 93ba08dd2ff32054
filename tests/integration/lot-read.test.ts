import { describe, expect, it } from "vitest";
import { type Db, sqliteReader } from "~/infra/db.server";
import { createLot } from "~/modules/lot/create.server";
import { readLotRecords } from "~/modules/lot/lot-read.server";
import {
  getLot,
  LOT_SELECT,
  prismaRows,
  saveLotRecords,
  transitionLot,
} from "~/modules/lot/lots.server";
import { fillEntries } from "../../prisma/seed/activity";
import { TEST_DB_KIND, testDb } from "../support/test-db";

/** Order-free comparison: the record's lists are sets (the hash and the page sort them). */
function sorted<T extends { entries: { itemId: string }[]; drawingRefs: { revisionId: string }[] }>(
  lot: T,
) {
  return {
    ...lot,
    entries: [...lot.entries].sort((a, b) => a.itemId.localeCompare(b.itemId)),
    drawingRefs: [...lot.drawingRefs].sort((a, b) => a.revisionId.localeCompare(b.revisionId)),
  };
}

/** Two lots of contractor A, filled in, one of them accepted; one empty lot of contractor B. */
async function lots(db: Db) {
  const users = await db.user.findMany({
    select: { id: true, username: true, role: true, organizationId: true },
  });
  const u = (name: string) => {
    const found = users.find((x) => x.username === name)!;
    return { ...found, role: found.role as "supervisor" | "contractor" | "bureau" };
  };
  const [a, b, supervisor] = [u("shigong1"), u("shigong2"), u("jianli")];
  const stairwell = await db.stairwell.findFirstOrThrow({
    where: { building: { compound: { code: "NH" } } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const place = { kind: "stairwell" as const, id: stairwell.id };
  const accepted = await createLot(db, a, "own", { workTypeCode: "stair-railing", place });
  await fillEntries(db, a, accepted.id);
  await saveLotRecords(db, a, "own", accepted.id, {
    recordsComplete: true,
    selfCheckNote: "自检",
  });
  await transitionLot(db, a, "own", accepted.id, "submit", null);
  await transitionLot(db, supervisor, "any", accepted.id, "accept", null);
  const filled = await createLot(db, a, "own", { workTypeCode: "stair-railing", place });
  await fillEntries(db, a, filled.id);
  const otherPlace = await db.stairwell.findFirstOrThrow({
    where: { building: { compound: { code: { not: "NH" } } } },
    select: { id: true },
  });
  const other = await createLot(db, b, "own", {
    workTypeCode: "stair-railing",
    place: { kind: "stairwell", id: otherPlace.id },
  }).catch(() => null);
  return { a, b, supervisor, accepted, filled, other };
}

async function expectSameAsPrisma(db: Db) {
  const viaPrisma = await db.inspectionLot.findMany({
    select: LOT_SELECT,
    orderBy: { id: "asc" },
  });
  const raw = await readLotRecords(
    prismaRows(db),
    viaPrisma.map((l) => l.id),
  );
  expect(viaPrisma.some((l) => l.entries.some((e) => e.points.length > 1))).toBe(true);
  expect(viaPrisma.some((l) => l.acceptedBy !== null)).toBe(true);
  // §5.0.6 routes (decision 0032) have no Prisma relation: the raw read adds them, none here.
  expect(raw.every((l) => l.acceptanceRoutes.length === 0)).toBe(true);
  const withoutRoutes = raw.map(({ acceptanceRoutes: _routes, ...l }) => l);
  expect(withoutRoutes.map(sorted)).toEqual(viaPrisma.map(sorted));
}

describe("the lot record's raw read", () => {
  const db = testDb({ seeded: true });

  it("gives every lot exactly as the Prisma select does (dates, booleans, nulls, points in order)", async () => {
    await lots(db);
    await expectSameAsPrisma(db);
  });

  it("shows a contractor its own lots only, the supervisor any", async () => {
    const { a, b, supervisor, filled } = await lots(db);
    expect((await getLot(db, filled.id, a, "own"))?.lot.id).toBe(filled.id);
    expect((await getLot(db, filled.id, supervisor, "any"))?.lot.id).toBe(filled.id);
    expect(await getLot(db, filled.id, b, "own")).toBeNull();
  });

  it("finds nothing for an id that is not a lot, and only the lots asked for", async () => {
    const [first, second] = await db.inspectionLot.findMany({
      select: { id: true },
      orderBy: { id: "asc" },
      take: 2,
    });
    expect(await readLotRecords(prismaRows(db), ["no-such-lot"])).toEqual([]);
    const one = await readLotRecords(prismaRows(db), [second!.id, "no-such-lot"]);
    expect(one.map((l) => l.id)).toEqual([second!.id]);
    expect(first!.id).not.toBe(second!.id);
  });
});

describe("the same reads on SQLite's read connection (WAL, decision 0037)", () => {
  const db = testDb({ seeded: true });

  it("gives what the Prisma select gives, a commit at once, and a transaction its own writes", async () => {
    // Databases made by prepare-db are in WAL mode; the test templates are not.
    if (TEST_DB_KIND === "sqlite") await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    expect(sqliteReader(db) !== null).toBe(TEST_DB_KIND === "sqlite");
    const { a, supervisor, filled } = await lots(db);
    await expectSameAsPrisma(db);
    await transitionLot(db, a, "own", filled.id, "submit", null);
    expect((await getLot(db, filled.id, supervisor, "any"))?.lot.status).toBe("submitted");
    await db.$transaction(async (tx) => {
      await tx.inspectionLot.update({ where: { id: filled.id }, data: { lastReason: "在途" } });
      expect((await getLot(tx, filled.id, supervisor, "any"))?.lot.lastReason).toBe("在途");
      expect((await getLot(db, filled.id, supervisor, "any"))?.lot.lastReason).not.toBe("在途");
    });
  });
});
