import path from "node:path";
import { describe, expect, it } from "vitest";
import { divisionSummaries } from "~/modules/division/summary.server";
import { divisionEvidence } from "~/modules/evidence/evidence.server";
import { LocalPhotoStorage } from "~/modules/photo/storage.server";
import { seedDemoActivity } from "../../prisma/seed/activity";
import { TMP_DIR } from "../support/paths";
import { testDb } from "../support/test-db";

describe("demo evidence of 县农行老旧小区", () => {
  const db = testDb({ seeded: true });

  it("shows 路基 complete and recorded in full, 建筑电气 partial with a failed test kept beside its retest", async () => {
    const files = path.join(TMP_DIR, `ev-demo-${process.pid}`);
    await seedDemoActivity(
      db,
      new LocalPhotoStorage(path.join(files, "photos")),
      new LocalPhotoStorage(path.join(files, "evidence")),
    );
    const nh = await db.compound.findUniqueOrThrow({ where: { code: "NH" }, select: { id: true } });
    const all = await divisionEvidence(db, nh.id);
    const subgrade = all.find((d) => d.division === "路基")!;
    expect(subgrade.gaps).toEqual([]);
    expect(subgrade.documents.map((d) => d.status)).toEqual(Array(4).fill("checked"));
    const electrical = all.find((d) => d.division === "建筑电气")!;
    expect(electrical.gaps.map((g) => g.code)).toContain("docUnchecked");
    expect(electrical.tests.map((t) => t.pass)).toEqual([false, true, true]);
    expect(electrical.gaps.some((g) => g.code === "testFailed")).toBe(false);
    // …and the 路基 分部 recorded in full (GB 50300 §5.0.3, 附录G) after its road lots; the other
    // road 分部 have their lots accepted and wait for their signatures
    const divisions = await divisionSummaries(db, nh.id);
    const luji = divisions.find((d) => d.division === "路基")!;
    expect(luji).toMatchObject({ passed: true, gaps: [] });
    expect(luji.subItems.map((s) => [s.name, s.planned, s.accepted, s.passed])).toEqual([
      ["土方路基", 2, 2, true],
    ]);
    expect(luji.appearance.conclusion).toBe("good");
    expect(luji.signedAt?.toISOString()).toBe("2021-06-28T02:00:00.000Z");
    const base = divisions.find((d) => d.division === "基层")!;
    expect(base.passed).toBe(false);
    expect(base.subItems.every((s) => s.accepted === s.planned && !s.passed)).toBe(true);
  });
});
