import path from "node:path";
import { describe, expect, it } from "vitest";
import { divisionEvidence } from "~/modules/evidence/evidence.server";
import { LocalPhotoStorage } from "~/modules/photo/storage.server";
import { seedDemoActivity } from "../../prisma/seed/activity";
import { TMP_DIR } from "../support/paths";
import { testDb } from "../support/test-db";

describe("demo evidence of 县农行老旧小区", () => {
  const db = testDb({ seeded: true });

  it("shows 路基 complete and 建筑电气 partial, with a failed test kept beside its retest", async () => {
    await seedDemoActivity(db, new LocalPhotoStorage(path.join(TMP_DIR, `ev-demo-${process.pid}`)));
    const nh = await db.compound.findUniqueOrThrow({ where: { code: "NH" }, select: { id: true } });
    const all = await divisionEvidence(db, nh.id);
    const subgrade = all.find((d) => d.division === "路基")!;
    expect(subgrade.gaps).toEqual([]);
    expect(subgrade.documents.map((d) => d.status)).toEqual(Array(4).fill("checked"));
    const electrical = all.find((d) => d.division === "建筑电气")!;
    expect(electrical.gaps.map((g) => g.code)).toContain("docUnchecked");
    expect(electrical.tests.map((t) => t.pass)).toEqual([false, true, true]);
    expect(electrical.gaps.some((g) => g.code === "testFailed")).toBe(false);
  });
});
