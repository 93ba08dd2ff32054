/**
 * Issue 19 demo: the long-run parties of each compound (楼栋自治小组, 物业, 执法局), their
 * accounts, a few surveyed households and a registered illegal structure. Invented people.
 */
import type { Prisma } from "~/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export const RESIDENT_ORGS = [
  {
    key: "nhResidents",
    name: "县农行小区楼栋自治小组",
    shortName: "农行小区自治小组",
    kind: "residents",
    compound: "NH",
  },
  {
    key: "wzbResidents",
    name: "县武装部小区楼栋自治小组",
    shortName: "武装部小区自治小组",
    kind: "residents",
    compound: "WZB",
  },
  {
    key: "property",
    name: "德江县安居物业服务有限公司",
    shortName: "安居物业",
    kind: "property",
    compound: "NH",
  },
  {
    key: "enforcement",
    name: "德江县城市综合行政执法局",
    shortName: "县执法局",
    kind: "enforcement",
    compound: "NH,WZB",
  },
] as const;

export const RESIDENT_USERS = [
  {
    username: "loudong1",
    displayName: "罗永福",
    role: "building_leader",
    title: "1栋楼栋长",
    org: "nhResidents",
  },
  {
    username: "loudong2",
    displayName: "何秀英",
    role: "building_leader",
    title: "1栋楼栋长",
    org: "wzbResidents",
  },
  {
    username: "wuye",
    displayName: "冯志军",
    role: "property",
    title: "物业项目经理",
    org: "property",
  },
  {
    username: "zhifa",
    displayName: "邓国强",
    role: "enforcement",
    title: "执法中队队长",
    org: "enforcement",
  },
] as const;

const HOUSEHOLDS = [
  {
    b: 1,
    s: 1,
    room: "101",
    name: "刘桂芳",
    phone: "13908561234",
    occ: "owner",
    res: 2,
    old: 2,
    dis: 0,
    needs: ["lights", "railings"],
    consent: "agree",
  },
  {
    b: 1,
    s: 1,
    room: "201",
    name: "王德华",
    phone: "13985612345",
    occ: "owner",
    res: 4,
    old: 1,
    dis: 0,
    needs: ["lights", "pipes"],
    consent: "agree",
  },
  {
    b: 1,
    s: 1,
    room: "302",
    name: "赵明",
    phone: null,
    occ: "tenant",
    res: 3,
    old: 0,
    dis: 0,
    needs: ["parking"],
    consent: "undecided",
  },
  {
    b: 1,
    s: 2,
    room: "101",
    name: "孙玉兰",
    phone: "13708569876",
    occ: "owner",
    res: 1,
    old: 1,
    dis: 1,
    needs: ["railings", "lights"],
    consent: "agree",
  },
  {
    b: 2,
    s: 1,
    room: "502",
    name: "周建平",
    phone: "13608561111",
    occ: "owner",
    res: 3,
    old: 0,
    dis: 0,
    needs: ["pipes"],
    consent: "disagree",
  },
] as const;

export async function seedResidents(
  tx: Tx,
  userIds: { street: Record<string, string> },
  passwordHash: string,
) {
  const compounds = await tx.compound.findMany({
    select: {
      id: true,
      code: true,
      streetOfficeOrgId: true,
      buildings: {
        select: { id: true, seq: true, stairwells: { select: { id: true, seq: true } } },
      },
    },
  });
  const byCode = new Map(compounds.map((c) => [c.code, c]));
  const orgIds: Record<string, string> = {};
  for (const org of RESIDENT_ORGS) {
    const { id } = await tx.organization.create({
      data: { name: org.name, shortName: org.shortName, kind: org.kind },
      select: { id: true },
    });
    orgIds[org.key] = id;
    for (const code of org.compound.split(",")) {
      const compound = byCode.get(code);
      if (compound)
        await tx.compoundParty.create({
          data: { compoundId: compound.id, organizationId: id, kind: org.kind },
        });
    }
  }
  for (const u of RESIDENT_USERS)
    await tx.user.create({
      data: {
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        title: u.title,
        organizationId: orgIds[u.org] ?? "",
        passwordHash,
      },
    });
  const nh = byCode.get("NH");
  const anhua = userIds.street.anhua;
  if (!nh || !anhua) return;
  for (const h of HOUSEHOLDS) {
    const building = nh.buildings.find((b) => b.seq === h.b);
    const stairwell = building?.stairwells.find((s) => s.seq === h.s);
    if (!building || !stairwell) continue;
    await tx.household.create({
      data: {
        compoundId: nh.id,
        buildingId: building.id,
        stairwellId: stairwell.id,
        room: h.room,
        headName: h.name,
        phone: h.phone,
        occupancy: h.occ,
        residents: h.res,
        elderly: h.old,
        disabled: h.dis,
        needs: JSON.stringify(h.needs),
        consent: h.consent,
        createdById: anhua,
      },
    });
  }
  await tx.compoundPlan.create({
    data: {
      compoundId: nh.id,
      worksText:
        "楼道线路规范整理及声控灯更换（14 栋 50 个单元）\n楼梯栏杆、扶手维修加固\n小区道路修复、雨污管网改造、化粪池改造\n绿化、垃圾分类收集点、健身器材、停车位\n拆除侵占绿地的违章建筑",
      budgetYuan: 27_600_000,
      startsOn: new Date("2021-04-16T00:00:00+08:00"),
      endsOn: new Date("2021-07-15T00:00:00+08:00"),
    },
  });
  await tx.illegalStructure.create({
    data: {
      number: "NH-WJ-001",
      compoundId: nh.id,
      placeLabel: "3栋北侧绿地",
      description: "私搭彩钢瓦棚约 12 m²，侵占绿地",
      areaM2: 12,
      createdById: anhua,
    },
  });
}
