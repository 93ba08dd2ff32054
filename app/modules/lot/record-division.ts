/**
 * Where a work type's lots sit in GB 50300-2013 附录B (建筑工程) or 附录C (室外工程): 分部,
 * 子分部 and the 分项 it may span, with the 附录B codes used to number the 检验批 record
 * (分部 2 digits + 子分部 2 + 分项 2 + the lot's running number 3, as county archives file
 * them). Codes follow the order of table B.0.1; outdoor works (附录C) have no 附录B code.
 * Decision 0016; the orders were read from table B.0.1 as commonly reprinted and are marked
 * for checking against the printed standard like the other `unverified` figures.
 */
export type SubItem = { name: string; code: string | null };
export type RecordDivision = {
  division: string;
  subDivision: string;
  subItems: SubItem[];
  /** 附录B code of 分部 + 子分部, or null for 附录C outdoor works */
  code: string | null;
};

const B = (
  division: string,
  subDivision: string,
  code: string | null,
  items: [string, string | null][],
) =>
  ({
    division,
    subDivision,
    code,
    subItems: items.map(([name, c]) => ({ name, code: c })),
  }) satisfies RecordDivision;

export const RECORD_DIVISIONS: Record<string, RecordDivision> = {
  // 07 建筑电气 / 05 电气照明: 分项 in table B.0.1 order
  "stairwell-wiring": B("建筑电气", "电气照明", "0705", [
    ["梯架、支架、托盘和槽盒安装", "02"],
    ["导管敷设", "03"],
    ["管内穿线和槽盒内敷线", "04"],
    ["电缆头制作、导线连接和线路绝缘测试", "07"],
  ]),
  "stairwell-sound-light": B("建筑电气", "电气照明", "0705", [
    ["普通灯具安装", "08"],
    ["开关、插座、风扇安装", "10"],
    ["建筑照明通电试运行", "11"],
  ]),
  // 03 建筑装饰装修 / 12 细部 / 04 护栏和扶手制作与安装
  "stair-railing": B("建筑装饰装修", "细部", "0312", [["护栏和扶手制作与安装", "04"]]),
  // 03 建筑装饰装修 / 10 涂饰 (01 水性涂料涂饰); 基层修补 is 02 抹灰 / 01 一般抹灰
  "wall-finishing": B("建筑装饰装修", "涂饰", "0310", [["水性涂料涂饰", "01"]]),
  // 05 建筑给水排水及供暖 / 07 室外排水管网
  "rain-sewer-network": B("建筑给水排水及供暖", "室外排水管网", "0507", [
    ["排水管道安装", "01"],
    ["排水管沟与井池", "02"],
    ["试验与调试", "03"],
  ]),
  "septic-tank": B("建筑给水排水及供暖", "室外排水管网", "0507", [["排水管沟与井池", "02"]]),
  // 附录C 室外工程 (CJJ 1 / CJJ 82): no 附录B code
  "road-repair": B("道路（室外设施）", "路基 / 基层 / 面层", null, [
    ["土方路基", null],
    ["基层", null],
    ["面层", null],
    ["路缘石", null],
  ]),
  "parking-lot": B("道路（室外设施）", "广场与停车场", null, [["广场与停车场面层", null]]),
  "green-plaza": B("室外环境", "场坪绿化", null, [
    ["栽植", null],
    ["园路与广场铺装", null],
  ]),
  "rubbish-point": B("室外环境", "建筑小品", null, [["垃圾收集点", null]]),
  "fitness-equipment": B("室外环境", "建筑小品", null, [["室外健身器材安装", null]]),
  "illegal-structure-demolition": B("措施项目（不属 GB 50300 分部分项）", "拆除", null, [
    ["违章建筑拆除", null],
  ]),
};

/** The lot's 分部/子分部/分项 and 附录B 编号; the 分项 named on the lot, else the only one. */
export function lotDivisionZh(workTypeCode: string, lotSubItem: string | null, lotNumber: string) {
  const d = RECORD_DIVISIONS[workTypeCode];
  if (!d)
    return { division: "—", subDivision: "—", subItem: "未指定", appendixB: "—", choices: [] };
  const chosen =
    d.subItems.find((s) => s.name === lotSubItem) ??
    (d.subItems.length === 1 ? d.subItems[0] : undefined);
  const serial = /(\d+)$/.exec(lotNumber)?.[1]?.padStart(3, "0") ?? "001";
  const appendixB =
    d.code && chosen?.code
      ? `${d.code}${chosen.code}${serial}`
      : d.code
        ? "（请先选择分项工程）"
        : "—（附录C 室外工程，无附录B编号）";
  return {
    division: d.division,
    subDivision: d.subDivision,
    subItem:
      chosen?.name ?? `未指定（本类别含 ${d.subItems.map((s) => s.name).join("、")}，请选择）`,
    appendixB,
    choices: d.subItems.map((s) => s.name),
  };
}
