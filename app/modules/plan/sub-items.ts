/**
 * The 分部 → 子分部 → 分项 each work type's lots belong to, after the `division` text of
 * prisma/data/checklists.json (GB 50300-2013 附录B/附录C, GB 50303-2015, GB 50210-2018,
 * CJJ 1-2008, GB 50242-2002, CJJ 82-2012). One work type is usually several 分项 (stairwell
 * wiring: four GB 50303 分项), and one 分项 may hold lots of two work types (排水管沟与井池:
 * the pipe run's manholes and the septic tank). Data, not logic: the plan generator reads it.
 */
export type SubItemSpec = {
  division: string;
  /** empty where the 分部 has no 子分部 (CJJ 1 road 分部) */
  subDivision: string;
  name: string;
  standard: string;
  /**
   * a zone-level 分项 that applies only to zones with this surface (road 面层 by material);
   * "unknown" applies to zones whose surface the register does not give
   */
  surface?: string;
};

const ELEC = { division: "建筑电气", subDivision: "电气照明", standard: "GB 50303-2015" };
const DECO = { division: "建筑装饰装修", standard: "GB 50210-2018" };
const DRAIN = {
  division: "建筑给水排水及供暖",
  subDivision: "室外排水管网",
  standard: "GB 50242-2002",
};
const ROAD = { subDivision: "", standard: "CJJ 1-2008" };
const OUTDOOR = { division: "室外环境", standard: "GB 50300-2013 附录C" };

export const SUB_ITEMS_BY_WORK_TYPE: Record<string, SubItemSpec[]> = {
  "stairwell-wiring": [
    { ...ELEC, name: "梯架、托盘和槽盒安装" },
    { ...ELEC, name: "导管敷设" },
    { ...ELEC, name: "管内穿线和槽盒内敷线" },
    { ...ELEC, name: "电缆头制作、导线连接和线路绝缘测试" },
  ],
  "stairwell-sound-light": [
    { ...ELEC, name: "普通灯具安装" },
    { ...ELEC, name: "开关、插座、风扇安装" },
    { ...ELEC, name: "建筑照明通电试运行" },
  ],
  "stair-railing": [{ ...DECO, subDivision: "细部", name: "护栏和扶手制作与安装" }],
  "wall-finishing": [
    { ...DECO, subDivision: "抹灰", name: "一般抹灰" },
    { ...DECO, subDivision: "涂饰", name: "水性涂料涂饰" },
  ],
  "road-repair": [
    { ...ROAD, division: "路基", name: "土方路基" },
    { ...ROAD, division: "基层", name: "水泥稳定土类基层" },
    { ...ROAD, division: "面层", name: "热拌沥青混合料面层", surface: "asphalt" },
    { ...ROAD, division: "面层", name: "水泥混凝土面层", surface: "concrete" },
    { ...ROAD, division: "面层", name: "铺砌式面层", surface: "paving" },
    { ...ROAD, division: "面层", name: "路面面层（面层材料未登记）", surface: "unknown" },
    { ...ROAD, division: "附属构筑物", name: "路缘石" },
  ],
  "parking-lot": [{ ...ROAD, division: "广场与停车场", name: "停车场面层" }],
  "rain-sewer-network": [
    { ...DRAIN, name: "排水管道安装" },
    { ...DRAIN, name: "排水管沟与井池" },
    { ...DRAIN, name: "试验与调试" },
  ],
  "septic-tank": [{ ...DRAIN, name: "排水管沟与井池" }],
  "green-plaza": [
    { ...OUTDOOR, subDivision: "场坪绿化", name: "栽植土", standard: "CJJ 82-2012" },
    { ...OUTDOOR, subDivision: "场坪绿化", name: "植物栽植", standard: "CJJ 82-2012" },
  ],
  "rubbish-point": [{ ...OUTDOOR, subDivision: "建筑小品", name: "垃圾收集点" }],
  "fitness-equipment": [
    { ...OUTDOOR, subDivision: "建筑小品", name: "室外健身器材安装", standard: "GB 19272-2011" },
  ],
  // 违章建筑拆除 is no 分部/分项 of GB 50300: confirmed by its own list, not planned here.
};

/** Capacity per place kind and work type: the unit the lot division of the data file counts. */
export function plannedCapacity(
  workTypeCode: string,
  place: { kind: "stairwell"; floors: number } | { kind: "zone"; zoneKind: string },
): { capacity: number; unit: string } {
  if (place.kind === "stairwell") {
    // GB 50210 §14.1: every stair of a 单元 is one lot, all flights checked; a double-run stair
    // has two flights per storey above the ground floor.
    if (workTypeCode === "stair-railing")
      return { capacity: Math.max(1, (place.floors - 1) * 2), unit: "跑" };
    return { capacity: place.floors, unit: "层" };
  }
  const unit: Record<string, string> = { road: "段", pipe: "段", septic: "座", parking: "处" };
  return { capacity: 1, unit: unit[place.zoneKind] ?? "处" };
}
