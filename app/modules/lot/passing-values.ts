/**
 * Values that pass an item's limit on its place: for demo activity and test fixtures that need a
 * lot to pass (real lots are measured). One value per point, `count` points.
 */
import type { EntryInput } from "./entry-types";
import type { LotItemInput } from "./verdict-item";
import { resolveLimit } from "./verdict-judge";
import { type LotQuantities, type PlaceAttributes, SAMPLE_QUANTITIES } from "./verdict-vocabulary";

export function passingEntry(
  item: LotItemInput,
  attributes: PlaceAttributes,
  count: number,
): EntryInput {
  const spec = item.spec;
  if (spec === null) {
    return { itemId: item.itemId, result: "pass", note: null, designValue: null, points: [] };
  }
  const resolved = resolveLimit(spec, attributes);
  const limit = resolved.ok ? resolved.limit : { min: null, max: null };
  let value = 0;
  switch (spec.comparison) {
    case "ge":
    case "head":
      value = limit.min ?? 0;
      break;
    case "gt":
      value = (limit.min ?? 0) + 1;
      break;
    case "le":
    case "trigger":
      value = limit.max ?? 0;
      break;
    case "lt":
      value = (limit.max ?? 1) / 2;
      break;
    case "range":
      value = ((limit.min ?? 0) + (limit.max ?? 0)) / 2;
      break;
    default:
      value = 0;
  }
  if (spec.comparison === "statistic" && spec.statistic) {
    // a representative value (CJJ 1 弯沉: mean + Za·S) well under a plausible design value
    const n = Math.max(count, spec.statistic.minPoints);
    const spread = [28, 30, 32];
    const points = Array.from({ length: n }, (_, i) => ({ value: spread[i % 3]!, serious: false }));
    return { itemId: item.itemId, result: null, note: null, designValue: 40, points };
  }
  const points = Array.from({ length: Math.max(count, 1) }, () => ({ value, serious: false }));
  return { itemId: item.itemId, result: null, note: null, designValue: 0, points };
}

/** One of every quantity sample plans count, so fixtures' lots can be sized. */
export const FIXTURE_QUANTITIES: LotQuantities = Object.fromEntries(
  Object.keys(SAMPLE_QUANTITIES).map((k) => [k, 1]),
);

/** Lot-level attributes a fixture records (zone attributes come from the seeded place). */
export const FIXTURE_ATTRIBUTES: Record<string, number> = {
  bends: 0,
  conduitDiameter: 20,
  rimAboveCrown: 3,
};
