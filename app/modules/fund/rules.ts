/**
 * 计量 rules, pure: how much of a bill item the accepted lots cover, and which claims exceed it.
 * See docs/decisions/0013-fund-supervision.md for the derivation.
 */
import { QUANTITY_SCALE } from "./money";

export type PlaceRef = { kind: "stairwell" | "building" | "zone"; id: string };

export type MeasuredItem = {
  id: string;
  workTypeId: string;
  unit: string;
  quantityMilli: number;
  places: readonly PlaceRef[];
};

export type LotForMeasure = {
  id: string;
  workTypeId: string;
  status: string;
  placeKind: string;
  stairwellId: string | null;
  buildingId: string | null;
  zoneId: string | null;
  capacity: number | null;
  capacityUnit: string | null;
};

function placeOf(lot: LotForMeasure): PlaceRef | null {
  if (lot.placeKind === "stairwell" && lot.stairwellId)
    return { kind: "stairwell", id: lot.stairwellId };
  if (lot.placeKind === "building" && lot.buildingId)
    return { kind: "building", id: lot.buildingId };
  if (lot.placeKind === "zone" && lot.zoneId) return { kind: "zone", id: lot.zoneId };
  return null;
}

/**
 * A lot counts toward a bill item when it is accepted (监理验收合格), of the item's work type, at
 * one of the item's places (none listed = any place of the contract's compound), and its
 * capacity (检验批容量) is stated in the item's unit. The caller passes only the lots of the
 * contract's contractor in the contract's compound.
 */
export function lotCounts(item: MeasuredItem, lot: LotForMeasure): boolean {
  if (lot.status !== "accepted" || lot.workTypeId !== item.workTypeId) return false;
  if (lot.capacity === null || lot.capacity <= 0 || lot.capacityUnit?.trim() !== item.unit.trim())
    return false;
  if (item.places.length === 0) return true;
  const place = placeOf(lot);
  return !!place && item.places.some((p) => p.kind === place.kind && p.id === place.id);
}

export type AcceptedMeasure = {
  /** sum of the counting lots' capacities, capped by the contract quantity */
  acceptedMilli: number;
  /** the uncapped sum, to show work accepted beyond the contract (变更 needed) */
  uncappedMilli: number;
  lots: { id: string; capacityMilli: number }[];
};

export function acceptedQuantity(
  item: MeasuredItem,
  lots: readonly LotForMeasure[],
): AcceptedMeasure {
  const counting = lots
    .filter((l) => lotCounts(item, l))
    .map((l) => ({ id: l.id, capacityMilli: (l.capacity ?? 0) * QUANTITY_SCALE }));
  const uncappedMilli = counting.reduce((s, l) => s + l.capacityMilli, 0);
  return {
    acceptedMilli: Math.min(uncappedMilli, item.quantityMilli),
    uncappedMilli,
    lots: counting,
  };
}

export type Claim = { billItemId: string; code: string; name: string; unit: string; milli: number };
export type Gap = Claim & {
  acceptedMilli: number;
  priorMilli: number;
  availableMilli: number;
  gapMilli: number;
};

/**
 * A claim may not exceed what accepted lots cover, less what earlier certified applications
 * already took. Returns one gap per item claimed above that; empty = every claim is covered.
 */
export function claimGaps(
  claims: readonly Claim[],
  measure: ReadonlyMap<string, { acceptedMilli: number; priorMilli: number }>,
): Gap[] {
  const gaps: Gap[] = [];
  for (const c of claims) {
    const m = measure.get(c.billItemId) ?? { acceptedMilli: 0, priorMilli: 0 };
    const availableMilli = Math.max(0, m.acceptedMilli - m.priorMilli);
    if (c.milli > availableMilli)
      gaps.push({ ...c, ...m, availableMilli, gapMilli: c.milli - availableMilli });
  }
  return gaps;
}

export const PAYMENT_STATES = ["applied", "certified", "approved", "paid", "reversed"] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

/** Applications whose certified quantities count as taken (a reversed one gives them back). */
export const COUNTING_STATES: readonly PaymentState[] = ["certified", "approved", "paid"];
/** Applications still in progress: a contract has at most one. */
export const OPEN_STATES: readonly PaymentState[] = ["applied", "certified", "approved"];

export const FUND_SOURCES = ["central", "provincial", "county", "resident", "shop_sale"] as const;
export type FundSource = (typeof FUND_SOURCES)[number];
export function isFundSource(value: string): value is FundSource {
  return (FUND_SOURCES as readonly string[]).includes(value);
}
