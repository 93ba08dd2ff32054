/**
 * Where a work type's lots sit in GB 50300-2013 附录B (建筑工程) or 附录C (室外工程): 分部,
 * 子分部 and the 分项 it may span, with the 附录B codes used to number the 检验批 record
 * (分部 2 digits + 子分部 2 + 分项 2 + the lot's running number 3, as county archives file
 * them). Codes follow the order of table B.0.1; outdoor works (附录C) have no 附录B code.
 * Decision 0016; the orders were read from table B.0.1 as commonly reprinted and are marked
 * for checking against the printed standard like the other `unverified` figures.
 */
import type { TFunction } from "i18next";
import type { Namespace } from "~/locales/resources";
import zh from "~/locales/zh-CN/lot/divisions";

/** A GB 50300 附录B/附录C name, by its catalogue key (lot:divisions.names.*). */
export type StandardNameKey = keyof typeof zh.names;
/** The Chinese standard name: the value stored on lots and plan rows and printed on the record. */
export const nameZh = (key: StandardNameKey): string => zh.names[key];

// Built on first use: top-level work would keep this module (and the table below) in browser
// chunks that import it for one function, or only for the server (decision 0036).
let keyOfZh: Map<string, StandardNameKey> | undefined;

/** The catalogue key of a stored Chinese standard name, if it is one. */
export const standardNameKey = (stored: string) => {
  keyOfZh ??= new Map(Object.entries(zh.names).map(([k, v]) => [v, k as StandardNameKey] as const));
  return keyOfZh.get(stored);
};

/**
 * A stored Chinese standard name worded in the reader's language (the Chinese one when the
 * translator is Chinese); a name that is no standard name (data typed by hand) stays as written.
 */
export function standardName(t: TFunction<Namespace[]>, stored: string): string {
  const key = standardNameKey(stored);
  return key ? t(`lot:divisions.names.${key}`) : stored;
}

/** 检验批容量 unit keys (lot:divisions.units.*) and their stored Chinese value. */
export type UnitKey = keyof typeof zh.units;
export const unitZh = (key: UnitKey): string => zh.units[key];
let unitOfZh: Map<string, UnitKey> | undefined;

/** A stored capacity unit in the reader's language. */
export function unitName(t: TFunction<Namespace[]>, stored: string): string {
  unitOfZh ??= new Map(Object.entries(zh.units).map(([k, v]) => [v, k as UnitKey] as const));
  const key = unitOfZh.get(stored);
  return key ? t(`lot:divisions.units.${key}`) : stored;
}

export type SubItem = { name: string; code: string | null };
export type RecordDivision = {
  division: string;
  subDivision: string;
  subItems: SubItem[];
  /** 附录B code of 分部 + 子分部, or null for 附录C outdoor works */
  code: string | null;
};

// Pure, so a browser chunk that imports this module for standardNameKey leaves the table out.
/* @__NO_SIDE_EFFECTS__ */
const B = (
  division: StandardNameKey,
  subDivision: StandardNameKey,
  code: string | null,
  items: [StandardNameKey, string | null][],
) =>
  ({
    division: nameZh(division),
    subDivision: nameZh(subDivision),
    code,
    subItems: items.map(([name, c]) => ({ name: nameZh(name), code: c })),
  }) satisfies RecordDivision;

export const RECORD_DIVISIONS: Record<string, RecordDivision> = {
  // 07 建筑电气 / 05 电气照明: 分项 in table B.0.1 order
  "stairwell-wiring": B("buildingElectrical", "electricalLighting", "0705", [
    ["traysSupports", "02"],
    ["conduits", "03"],
    ["wiring", "04"],
    ["terminations", "07"],
  ]),
  "stairwell-sound-light": B("buildingElectrical", "electricalLighting", "0705", [
    ["luminaires", "08"],
    ["switches", "10"],
    ["lightingTrial", "11"],
  ]),
  // 03 建筑装饰装修 / 12 细部 / 04 护栏和扶手制作与安装
  "stair-railing": B("decoration", "detailing", "0312", [["railings", "04"]]),
  // 03 建筑装饰装修 / 10 涂饰 (01 水性涂料涂饰); 基层修补 is 02 抹灰 / 01 一般抹灰
  "wall-finishing": B("decoration", "coating", "0310", [["waterCoating", "01"]]),
  // 05 建筑给水排水及供暖 / 07 室外排水管网
  "rain-sewer-network": B("plumbing", "outdoorDrainage", "0507", [
    ["drainPipes", "01"],
    ["drainPits", "02"],
    ["testing", "03"],
  ]),
  "septic-tank": B("plumbing", "outdoorDrainage", "0507", [["drainPits", "02"]]),
  // 附录C 室外工程 (CJJ 1 / CJJ 82): no 附录B code
  "road-repair": B("roadsOutdoor", "roadLayers", null, [
    ["earthSubgrade", null],
    ["baseCourse", null],
    ["surfaceCourse", null],
    ["kerbs", null],
  ]),
  "parking-lot": B("roadsOutdoor", "squaresParking", null, [["squareSurface", null]]),
  "green-plaza": B("outdoorEnvironment", "siteLandscaping", null, [
    ["planting", null],
    ["pathPaving", null],
  ]),
  "rubbish-point": B("outdoorEnvironment", "landscapeStructures", null, [["refusePoint", null]]),
  "fitness-equipment": B("outdoorEnvironment", "landscapeStructures", null, [["fitness", null]]),
  "illegal-structure-demolition": B("measures", "demolition", null, [["illegalDemolition", null]]),
};

/**
 * The lot's 分部/子分部/分项 and 附录B 编号 in the reader's language (Chinese on the signed
 * record); the 分项 named on the lot, else the only one.
 */
export function lotDivision(
  t: TFunction<Namespace[]>,
  workTypeCode: string,
  lotSubItem: string | null,
  lotNumber: string,
) {
  const d = RECORD_DIVISIONS[workTypeCode];
  if (!d)
    return {
      division: "—",
      subDivision: "—",
      subItem: t("lot:divisions.unspecified"),
      appendixB: "—",
      choices: [],
    };
  const chosen =
    d.subItems.find((s) => s.name === lotSubItem) ??
    (d.subItems.length === 1 ? d.subItems[0] : undefined);
  const serial = /(\d+)$/.exec(lotNumber)?.[1]?.padStart(3, "0") ?? "001";
  const appendixB =
    d.code && chosen?.code
      ? `${d.code}${chosen.code}${serial}`
      : d.code
        ? t("lot:divisions.chooseFirst")
        : t("lot:divisions.outdoorNoCode");
  const names = d.subItems.map((s) => standardName(t, s.name));
  return {
    division: standardName(t, d.division),
    subDivision: standardName(t, d.subDivision),
    subItem: chosen
      ? standardName(t, chosen.name)
      : t("lot:divisions.chooseSubItem", {
          choices: names.join(t("lot:divisions.choiceSeparator")),
        }),
    appendixB,
    choices: names,
  };
}
