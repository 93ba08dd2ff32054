/**
 * The 分部 → 子分部 → 分项 each work type's lots belong to, after the `division` text of
 * prisma/data/checklists.json (GB 50300-2013 附录B/附录C, GB 50303-2015, GB 50210-2018,
 * CJJ 1-2008, GB 50242-2002, CJJ 82-2012). One work type is usually several 分项 (stairwell
 * wiring: four GB 50303 分项), and one 分项 may hold lots of two work types (排水管沟与井池:
 * the pipe run's manholes and the septic tank). Data, not logic: the plan generator reads it.
 * Names are the Chinese standard names (stored on plan rows), by catalogue key.
 */
import { nameZh, type UnitKey, unitZh } from "~/modules/lot/record-division";

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

const n = nameZh;
const ELEC = {
  division: n("buildingElectrical"),
  subDivision: n("electricalLighting"),
  standard: "GB 50303-2015",
};
const DECO = { division: n("decoration"), standard: "GB 50210-2018" };
const DRAIN = {
  division: n("plumbing"),
  subDivision: n("outdoorDrainage"),
  standard: "GB 50242-2002",
};
const ROAD = { subDivision: "", standard: "CJJ 1-2008" };
const OUTDOOR = { division: n("outdoorEnvironment"), standard: "GB 50300-2013 附录C" };
const GREEN = { ...OUTDOOR, subDivision: n("siteLandscaping"), standard: "CJJ 82-2012" };
const SMALL = { ...OUTDOOR, subDivision: n("landscapeStructures") };

export const SUB_ITEMS_BY_WORK_TYPE: Record<string, SubItemSpec[]> = {
  "stairwell-wiring": [
    { ...ELEC, name: n("trays") },
    { ...ELEC, name: n("conduits") },
    { ...ELEC, name: n("wiring") },
    { ...ELEC, name: n("terminations") },
  ],
  "stairwell-sound-light": [
    { ...ELEC, name: n("luminaires") },
    { ...ELEC, name: n("switches") },
    { ...ELEC, name: n("lightingTrial") },
  ],
  "stair-railing": [{ ...DECO, subDivision: n("detailing"), name: n("railings") }],
  "wall-finishing": [
    { ...DECO, subDivision: n("plastering"), name: n("generalPlastering") },
    { ...DECO, subDivision: n("coating"), name: n("waterCoating") },
  ],
  "road-repair": [
    { ...ROAD, division: n("subgrade"), name: n("earthSubgrade") },
    { ...ROAD, division: n("baseCourse"), name: n("cementBase") },
    { ...ROAD, division: n("surfaceCourse"), name: n("asphaltSurface"), surface: "asphalt" },
    { ...ROAD, division: n("surfaceCourse"), name: n("concreteSurface"), surface: "concrete" },
    { ...ROAD, division: n("surfaceCourse"), name: n("pavedSurface"), surface: "paving" },
    { ...ROAD, division: n("surfaceCourse"), name: n("unknownSurface"), surface: "unknown" },
    { ...ROAD, division: n("ancillary"), name: n("kerbs") },
  ],
  "parking-lot": [{ ...ROAD, division: n("squaresParking"), name: n("parkingSurface") }],
  "rain-sewer-network": [
    { ...DRAIN, name: n("drainPipes") },
    { ...DRAIN, name: n("drainPits") },
    { ...DRAIN, name: n("testing") },
  ],
  "septic-tank": [{ ...DRAIN, name: n("drainPits") }],
  "green-plaza": [
    { ...GREEN, name: n("plantingSoil") },
    { ...GREEN, name: n("plants") },
  ],
  "rubbish-point": [{ ...SMALL, name: n("refusePoint") }],
  "fitness-equipment": [{ ...SMALL, name: n("fitness"), standard: "GB 19272-2011" }],
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
      return { capacity: Math.max(1, (place.floors - 1) * 2), unit: unitZh("flight") };
    return { capacity: place.floors, unit: unitZh("storey") };
  }
  const unit: Record<string, UnitKey> = {
    road: "section",
    pipe: "section",
    septic: "tank",
    parking: "site",
  };
  return { capacity: 1, unit: unitZh(unit[place.zoneKind] ?? "site") };
}
