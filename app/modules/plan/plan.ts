/**
 * 检验批划分方案 (GB 50300-2013 §4.0.7: the 分项 and lot division is drafted before work and
 * approved by the supervisor) and the coverage measured against it. Pure: the caller loads rows.
 */
import { unitZh } from "~/modules/lot/record-division";
import { plannedCapacity, SUB_ITEMS_BY_WORK_TYPE, type SubItemSpec } from "./sub-items";

export type RegisterStairwell = { id: string; name: string; floors: number };
export type RegisterBuilding = { id: string; name: string; stairwells: RegisterStairwell[] };
export type RegisterZone = { id: string; name: string; kind: string; surface: string | null };
export type PlanWorkType = { code: string; placeKind: string; zoneKinds: string[] };
export type Register = { buildings: RegisterBuilding[]; zones: RegisterZone[] };

export type PlaceKind = "stairwell" | "building" | "zone";
export type DraftSubItem = Omit<SubItemSpec, "surface"> & { key: string; seq: number };
export type DraftLot = {
  subItemKey: string;
  workTypeCode: string;
  placeKind: PlaceKind;
  placeId: string;
  placeLabel: string;
  capacity: number;
  capacityUnit: string;
};

export const subItemKey = (s: { division: string; subDivision: string; name: string }) =>
  `${s.division}/${s.subDivision}/${s.name}`;

/** Every place of the register a work type's lots can be at, with its label and capacity. */
export function placesFor(workType: PlanWorkType, register: Register) {
  if (workType.placeKind === "stairwell")
    return register.buildings.flatMap((b) =>
      b.stairwells.map((s) => ({
        placeKind: "stairwell" as const,
        placeId: s.id,
        placeLabel: `${b.name}${s.name}`,
        surface: null as string | null,
        ...plannedCapacity(workType.code, { kind: "stairwell", floors: s.floors }),
      })),
    );
  if (workType.placeKind === "zone")
    return register.zones
      .filter((z) => workType.zoneKinds.includes(z.kind))
      .map((z) => ({
        placeKind: "zone" as const,
        placeId: z.id,
        placeLabel: z.name,
        surface: z.surface,
        ...plannedCapacity(workType.code, { kind: "zone", zoneKind: z.kind }),
      }));
  return register.buildings.map((b) => ({
    placeKind: "building" as const,
    placeId: b.id,
    placeLabel: b.name,
    surface: null as string | null,
    capacity: 1,
    unit: unitZh("building"),
  }));
}

const appliesTo = (spec: SubItemSpec, surface: string | null) =>
  spec.surface === undefined || spec.surface === (surface ?? "unknown");

/**
 * The plan a compound's register calls for: each work type's 分项 at every place its lots can
 * be (GB 50303 §3.4 / GB 50210 §14.1: each 单元's stair and wiring; CJJ 1: each road section;
 * GB 50242: each pipe run; each septic tank), 分项 without any place left out.
 */
export function generatePlan(register: Register, workTypes: PlanWorkType[]) {
  const subItems = new Map<string, DraftSubItem>();
  const lots: DraftLot[] = [];
  for (const wt of workTypes) {
    const specs = SUB_ITEMS_BY_WORK_TYPE[wt.code] ?? [];
    for (const place of placesFor(wt, register)) {
      for (const spec of specs.filter((s) => appliesTo(s, place.surface))) {
        const key = subItemKey(spec);
        if (!subItems.has(key)) {
          const { surface: _s, ...rest } = spec;
          subItems.set(key, { ...rest, key, seq: subItems.size + 1 });
        }
        lots.push({
          subItemKey: key,
          workTypeCode: wt.code,
          placeKind: place.placeKind,
          placeId: place.placeId,
          placeLabel: place.placeLabel,
          capacity: place.capacity,
          capacityUnit: place.unit,
        });
      }
    }
  }
  return { subItems: [...subItems.values()], lots };
}

// ── coverage ──

export type CoveragePlanned = {
  id: string;
  subItemId: string;
  workTypeCode: string;
  placeKind: string;
  placeId: string;
  placeLabel: string;
  capacity?: number | null;
  capacityUnit?: string | null;
};
export type CoverageLot = {
  id: string;
  number: string;
  status: string;
  recordsComplete: boolean;
  workTypeCode: string;
  placeKind: string;
  placeId: string | null;
};
export type CoverageSubItem = {
  id: string;
  division: string;
  subDivision: string;
  name: string;
};
export type PlaceState = "missing" | "opened" | "accepted";
export type PlannedPlace = {
  id: string;
  placeLabel: string;
  /** 检验批容量 and its stored (Chinese) unit, e.g. 7 and "层"; the page words the unit */
  capacity: number | null;
  capacityUnit: string | null;
  workTypeCode: string;
  state: PlaceState;
  /** the lot recording it (accepted first), or where to open one */
  href: string;
  lot: { id: string; number: string; status: string; recordsComplete: boolean } | null;
};
export type SubItemCoverage = CoverageSubItem & {
  planned: number;
  opened: number;
  accepted: number;
  places: PlannedPlace[];
};

/** Where a lot for this planned place is opened (the new-lot page, place preselected). */
export function openLotHref(p: { workTypeCode: string; placeKind: string; placeId: string }) {
  const q = new URLSearchParams({
    workType: p.workTypeCode,
    placeKind: p.placeKind,
    placeId: p.placeId,
  });
  return `/lots/new?${q.toString()}`;
}

/**
 * Planned / opened / accepted per 分项. A lot records every 分项 of its work type at its place,
 * so a planned lot is opened when a lot of that work type exists at that place and accepted when
 * one of them is accepted (GB 50300 §5.0.2: the 分项 needs all its lots accepted).
 */
export function planCoverage(
  subItems: CoverageSubItem[],
  planned: CoveragePlanned[],
  lots: CoverageLot[],
): SubItemCoverage[] {
  const byPlace = new Map<string, CoverageLot[]>();
  for (const lot of lots) {
    if (!lot.placeId) continue;
    const key = `${lot.workTypeCode}|${lot.placeKind}|${lot.placeId}`;
    byPlace.set(key, [...(byPlace.get(key) ?? []), lot]);
  }
  return subItems.map((s) => {
    const places = planned
      .filter((p) => p.subItemId === s.id)
      .map((p): PlannedPlace => {
        const found = byPlace.get(`${p.workTypeCode}|${p.placeKind}|${p.placeId}`) ?? [];
        const lot = found.find((l) => l.status === "accepted") ?? found[0] ?? null;
        const state: PlaceState = !lot
          ? "missing"
          : lot.status === "accepted"
            ? "accepted"
            : "opened";
        return {
          id: p.id,
          placeLabel: p.placeLabel,
          capacity: p.capacity ?? null,
          capacityUnit: p.capacityUnit ?? null,
          workTypeCode: p.workTypeCode,
          state,
          href: lot ? `/lots/${lot.id}` : openLotHref(p),
          lot: lot && {
            id: lot.id,
            number: lot.number,
            status: lot.status,
            recordsComplete: lot.recordsComplete,
          },
        };
      });
    return {
      ...s,
      planned: places.length,
      opened: places.filter((p) => p.state !== "missing").length,
      accepted: places.filter((p) => p.state === "accepted").length,
      places,
    };
  });
}

/** 总监理工程师 (matched in the 职务 people carry, Chinese data) approves the plan (GB 50300 §4.0.7 监理单位审核; §6.0.3 the 总监 organises 分部). */
export const isChiefSupervisor = (u: { role: string; title: string }) =>
  u.role === "supervisor" && u.title.includes("总监理工程师");
