import { describe, expect, it } from "vitest";
import {
  type CoverageLot,
  generatePlan,
  isChiefSupervisor,
  planCoverage,
  subItemKey,
} from "./plan";

const WORK_TYPES = [
  { code: "stairwell-wiring", placeKind: "stairwell", zoneKinds: [] },
  { code: "stair-railing", placeKind: "stairwell", zoneKinds: [] },
  { code: "road-repair", placeKind: "zone", zoneKinds: ["road"] },
  { code: "rain-sewer-network", placeKind: "zone", zoneKinds: ["pipe"] },
  { code: "septic-tank", placeKind: "zone", zoneKinds: ["septic"] },
  { code: "green-plaza", placeKind: "zone", zoneKinds: ["green"] },
  { code: "illegal-structure-demolition", placeKind: "zone", zoneKinds: ["demolition"] },
];
const REGISTER = {
  buildings: [
    {
      id: "b1",
      name: "1栋",
      stairwells: [
        { id: "s1", name: "1单元", floors: 7 },
        { id: "s2", name: "2单元", floors: 7 },
      ],
    },
    { id: "b2", name: "2栋", stairwells: [{ id: "s3", name: "1单元", floors: 6 }] },
  ],
  zones: [
    { id: "r1", name: "主干道 A 段", kind: "road", surface: "asphalt" },
    { id: "r2", name: "宅间道路 B 段", kind: "road", surface: "concrete" },
    { id: "p1", name: "污水管网 W1", kind: "pipe", surface: null },
    { id: "t1", name: "1# 化粪池", kind: "septic", surface: null },
    { id: "d1", name: "违建拆除点", kind: "demolition", surface: null },
  ],
};

describe("inspection plan generation (GB 50300-2013 §4.0.4–4.0.7)", () => {
  const plan = generatePlan(REGISTER, WORK_TYPES);
  const lotsOf = (name: string) =>
    plan.lots.filter((l) => plan.subItems.find((s) => s.key === l.subItemKey)?.name === name);

  it("splits stairwell wiring into its four GB 50303 电气照明 分项 (§4.0.4: by trade and process)", () => {
    const elec = plan.subItems.filter((s) => s.division === "建筑电气");
    expect(elec.map((s) => s.name)).toEqual([
      "梯架、托盘和槽盒安装",
      "导管敷设",
      "管内穿线和槽盒内敷线",
      "电缆头制作、导线连接和线路绝缘测试",
    ]);
    expect(elec.every((s) => s.subDivision === "电气照明")).toBe(true);
  });

  it("plans one lot of every 分项 in every 单元 (GB 50210 §14.1: each stair is one lot)", () => {
    expect(lotsOf("导管敷设").map((l) => l.placeLabel)).toEqual([
      "1栋1单元",
      "1栋2单元",
      "2栋1单元",
    ]);
    const railing = lotsOf("护栏和扶手制作与安装");
    expect(railing).toHaveLength(3);
    // a 7-storey double-run stair has 12 flights, all checked
    expect(railing[0]).toMatchObject({ capacity: 12, capacityUnit: "跑" });
    expect(lotsOf("导管敷设")[2]).toMatchObject({ capacity: 6, capacityUnit: "层" });
  });

  it("plans roads as CJJ 1-2008 分部 per section, the 面层 by the section's surface", () => {
    const road = plan.subItems.filter((s) => s.standard === "CJJ 1-2008");
    expect(new Set(road.map((s) => s.division))).toEqual(
      new Set(["路基", "基层", "面层", "附属构筑物"]),
    );
    expect(lotsOf("土方路基").map((l) => l.placeLabel)).toEqual(["主干道 A 段", "宅间道路 B 段"]);
    expect(lotsOf("热拌沥青混合料面层").map((l) => l.placeId)).toEqual(["r1"]);
    expect(lotsOf("水泥混凝土面层").map((l) => l.placeId)).toEqual(["r2"]);
    expect(lotsOf("铺砌式面层")).toHaveLength(0);
  });

  it("puts the pipe run's manholes and the septic tank in one 分项 排水管沟与井池 (GB 50242 §10.3)", () => {
    const pits = lotsOf("排水管沟与井池");
    expect(pits.map((l) => [l.workTypeCode, l.placeId])).toEqual([
      ["rain-sewer-network", "p1"],
      ["septic-tank", "t1"],
    ]);
    expect(pits[1]).toMatchObject({ capacity: 1, capacityUnit: "座" });
  });

  it("leaves out 分项 without a place and work that is no GB 50300 分项 (违建拆除)", () => {
    expect(plan.subItems.some((s) => s.subDivision === "场坪绿化")).toBe(false);
    expect(plan.lots.some((l) => l.workTypeCode === "illegal-structure-demolition")).toBe(false);
  });

  it("keeps one key per 分项 so no 分项 appears twice", () => {
    const keys = plan.subItems.map(subItemKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("coverage against the plan (GB 50300-2013 §5.0.2)", () => {
  const subItems = [
    { id: "A", division: "建筑电气", subDivision: "电气照明", name: "导管敷设" },
    { id: "B", division: "建筑装饰装修", subDivision: "细部", name: "护栏和扶手制作与安装" },
  ];
  const planned = [
    {
      id: "p1",
      subItemId: "A",
      workTypeCode: "w",
      placeKind: "stairwell",
      placeId: "s1",
      placeLabel: "1栋1单元",
    },
    {
      id: "p2",
      subItemId: "A",
      workTypeCode: "w",
      placeKind: "stairwell",
      placeId: "s2",
      placeLabel: "1栋2单元",
    },
    {
      id: "p3",
      subItemId: "A",
      workTypeCode: "w",
      placeKind: "stairwell",
      placeId: "s3",
      placeLabel: "2栋1单元",
    },
    {
      id: "p4",
      subItemId: "B",
      workTypeCode: "r",
      placeKind: "stairwell",
      placeId: "s1",
      placeLabel: "1栋1单元",
    },
  ];
  const lot = (id: string, workTypeCode: string, placeId: string, status: string): CoverageLot => ({
    id,
    number: id,
    status,
    recordsComplete: true,
    workTypeCode,
    placeKind: "stairwell",
    placeId,
  });

  it("counts planned / opened / accepted per 分项 and lists the missing places with where to open them", () => {
    const lots = [
      lot("L1", "w", "s1", "accepted"),
      lot("L2", "w", "s2", "submitted"),
      lot("L3", "r", "s2", "accepted"),
    ];
    const [a, b] = planCoverage(subItems, planned, lots);
    expect(a).toMatchObject({ planned: 3, opened: 2, accepted: 1 });
    const missing = a!.places.filter((p) => p.state === "missing");
    expect(missing.map((p) => p.placeLabel)).toEqual(["2栋1单元"]);
    expect(missing[0]!.href).toBe("/lots/new?workType=w&placeKind=stairwell&placeId=s3");
    expect(a!.places[1]!.href).toBe("/lots/L2");
    // a lot at a place the plan does not list covers nothing: the railing of 1单元 is missing
    expect(b).toMatchObject({ planned: 1, opened: 0, accepted: 0 });
  });

  it("an accepted lot counts even when a rejected one of the same place exists (re-inspection, §5.0.6)", () => {
    const lots = [lot("L1", "w", "s1", "rejected"), lot("L4", "w", "s1", "accepted")];
    const [a] = planCoverage(subItems, planned, lots);
    expect(a!.places[0]).toMatchObject({ state: "accepted", href: "/lots/L4" });
  });

  it("only a 总监理工程师 of the supervisor approves (§4.0.7)", () => {
    expect(isChiefSupervisor({ role: "supervisor", title: "总监理工程师" })).toBe(true);
    expect(isChiefSupervisor({ role: "supervisor", title: "专业监理工程师" })).toBe(false);
    expect(isChiefSupervisor({ role: "bureau", title: "总监理工程师" })).toBe(false);
  });
});
