import path from "node:path";
import { describe, expect, it } from "vitest";
import { scopeFor } from "~/modules/auth/permissions";
import { LocalPhotoStorage } from "~/modules/photo/storage.server";
import { residentPhotos } from "~/modules/residents/photos.server";
import { publicResidents } from "~/modules/residents/public.server";
import {
  attachWarrantyPhoto,
  getWarranty,
  listWarranty,
  transitionWarranty,
} from "~/modules/residents/warranty.server";
import { reportWarranty } from "~/modules/residents/warranty-report.server";
import { compoundReadyForAcceptance } from "../support/acceptance-fixture";
import { cameraJpeg } from "../support/images";
import { TMP_DIR } from "../support/paths";
import { refusal } from "../support/refusal";
import { demoUser } from "../support/residents";
import { testDb } from "../support/test-db";

const storage = new LocalPhotoStorage(path.join(TMP_DIR, `warranty-${process.pid}-${Date.now()}`));

describe("长效管理: warranty defects after acceptance", () => {
  const db = testDb({ seeded: true });

  /** CX, accepted on 2021-08-10, with the 农行 self-governance group as its building leaders. */
  async function managedCompound() {
    const { compoundId } = await compoundReadyForAcceptance(db, { code: "CX", acceptLast: true });
    const bureau = await demoUser(db, "zhujianju");
    await db.finalAcceptance.create({
      data: {
        compoundId,
        status: "passed",
        openedById: bureau.id,
        conclusion: "pass",
        remarks: "",
        contentHash: "0".repeat(64),
        openedAt: new Date("2021-08-10T01:00:00Z"),
        closedAt: new Date("2021-08-10T02:00:00Z"),
      },
    });
    const leader = await demoUser(db, "loudong1");
    const property = await demoUser(db, "wuye");
    for (const org of [leader.organizationId, property.organizationId])
      await db.compoundParty.create({
        data: { compoundId, organizationId: org, kind: "residents" },
      });
    const building = await db.building.findFirstOrThrow({
      where: { compoundId },
      select: { id: true },
    });
    return { compoundId, buildingId: building.id, leader, property };
  }

  it("routes a broken light within two years to its contractor, who fixes it through the defect loop", async () => {
    const { compoundId, buildingId, leader, property } = await managedCompound();
    const photo = { bytes: await cameraJpeg({ seed: 3 }), name: "light.jpg" };
    const input = {
      compoundId,
      buildingId,
      placeLabel: "1单元 3 楼",
      workTypeCode: "stairwell-sound-light",
      title: "声控灯不亮",
      description: "3 楼声控灯不亮",
    };
    const report = await reportWarranty(
      db,
      storage,
      leader,
      input,
      photo,
      new Date("2022-05-01T00:00:00Z"),
    );
    expect(report.routing.route).toBe("contractor");
    expect(report.number).toBe("CX-BX-001");

    const contractor = await demoUser(db, "shigong1");
    const cScope = scopeFor("contractor", "warranty.view")!;
    expect((await listWarranty(db, contractor, cScope, compoundId)).map((w) => w.id)).toEqual([
      report.id,
    ]);
    const other = await demoUser(db, "shigong2");
    expect(await getWarranty(db, other, cScope, report.id)).toBeNull();
    const inbox = await db.notification.findMany({
      where: { userId: contractor.id, link: `/warranty/${report.id}` },
    });
    expect(inbox).toHaveLength(1);

    await transitionWarranty(db, contractor, cScope, report.id, "acknowledge", null);
    expect(
      (await refusal(transitionWarranty(db, contractor, cScope, report.id, "reply", "已更换灯具")))
        ?.message,
    ).toContain("整改后照片");
    await attachWarrantyPhoto(db, storage, contractor, cScope, report.id, {
      bytes: await cameraJpeg({ seed: 4 }),
      name: "fixed.jpg",
    });
    await transitionWarranty(db, contractor, cScope, report.id, "reply", "已更换灯具");
    // The building leader reports but does not close; the property company re-inspects.
    expect(
      await refusal(
        transitionWarranty(
          db,
          leader,
          scopeFor("building_leader", "warranty.view")!,
          report.id,
          "close",
          null,
        ),
      ),
    ).toMatchObject({ status: 409 });
    await transitionWarranty(
      db,
      property,
      scopeFor("property", "warranty.view")!,
      report.id,
      "close",
      "复查灯亮",
    );
    const photos = await residentPhotos(db, "warranty", report.id);
    expect([photos.before.length, photos.after.length]).toEqual([1, 1]);
    const pub = await publicResidents(db, "CX");
    expect(pub?.repairs.map((r) => [r.title, r.route])).toEqual([["声控灯不亮", "contractor"]]);
  });

  it("routes the same problem after the period to the management body, unseen by the contractor", async () => {
    const compound = await db.compound.findUniqueOrThrow({
      where: { code: "CX" },
      select: { id: true },
    });
    const leader = await demoUser(db, "loudong1");
    const input = {
      compoundId: compound.id,
      buildingId: null,
      placeLabel: "2单元",
      workTypeCode: "stair-railing",
      title: "栏杆松动",
      description: "",
    };
    const late = await reportWarranty(
      db,
      storage,
      leader,
      input,
      { bytes: await cameraJpeg({ seed: 5 }), name: "r.jpg" },
      new Date("2023-08-11T00:00:00Z"),
    );
    expect(late.routing.route).toBe("management");
    const contractor = await demoUser(db, "shigong1");
    expect(await getWarranty(db, contractor, "own", late.id)).toBeNull();
  });

  it("refuses reports before acceptance", async () => {
    const nh = await db.compound.findUniqueOrThrow({ where: { code: "NH" }, select: { id: true } });
    const leader = await demoUser(db, "loudong1");
    const input = {
      compoundId: nh.id,
      buildingId: null,
      placeLabel: "x",
      workTypeCode: null,
      title: "t",
      description: "",
    };
    const refused = await refusal(
      reportWarranty(db, storage, leader, input, { bytes: await cameraJpeg(), name: "a.jpg" }),
    );
    expect(refused).toEqual({
      status: 409,
      message: "小区尚未通过竣工验收，请按施工期质量问题处理",
    });
  });
});

describe("违建拆除: audited steps to demolition", () => {
  const db = testDb({ seeded: true });
  it("walks 登记 → 已通知 → 限期拆除 → 已拆除 with before/after photos, each step an audit event", async () => {
    const { advanceIllegal, attachIllegalPhoto, registerIllegal, visibleIllegal } = await import(
      "~/modules/residents/illegal.server"
    );
    const zhifa = await demoUser(db, "zhifa");
    const scope = scopeFor("enforcement", "illegal.manage")!;
    const nh = await db.compound.findUniqueOrThrow({ where: { code: "NH" }, select: { id: true } });
    const r = await registerIllegal(
      db,
      storage,
      zhifa,
      { compoundId: nh.id, placeLabel: "5栋东侧", description: "砖砌杂物间", areaM2: 8 },
      { bytes: await cameraJpeg({ seed: 7 }), name: "b.jpg" },
    );
    expect(r.number).toBe("NH-WJ-002");
    await advanceIllegal(db, zhifa, scope, r.id, "notified", null, "已送达");
    expect(
      (await refusal(advanceIllegal(db, zhifa, scope, r.id, "deadline", null, null)))?.message,
    ).toContain("拆除期限");
    await advanceIllegal(
      db,
      zhifa,
      scope,
      r.id,
      "deadline",
      new Date("2021-05-01T00:00:00+08:00"),
      null,
    );
    expect(
      (await refusal(advanceIllegal(db, zhifa, scope, r.id, "demolished", null, null)))?.message,
    ).toContain("拆除后照片");
    await attachIllegalPhoto(db, storage, zhifa, scope, r.id, {
      bytes: await cameraJpeg({ seed: 8 }),
      name: "a.jpg",
    });
    await advanceIllegal(db, zhifa, scope, r.id, "demolished", null, "已拆除");
    const events = await db.auditEvent.findMany({
      where: { entityType: "IllegalStructure", entityId: r.id },
      select: { action: true },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual([
      "illegal.register",
      "illegal.notified",
      "illegal.deadline",
      "illegal.demolished",
    ]);
    // The other street's worker finds nothing by the id.
    const yushui = await demoUser(db, "yushui");
    expect(await visibleIllegal(db, yushui, "own", r.id)).toBeNull();
  });
});
