/**
 * The lot's verdict from the records as entered on the page (GB 50300-2013 §5.0.1 through
 * computeLotVerdict). The page shows the server's result of this function until the browser has
 * loaded it (a chunk of its own, fetched after the page is shown), then judges every change live.
 */
import { livePoints } from "./corrections";
import type { EntryInput } from "./entry-types";
import {
  computeLotVerdict,
  type LotItemInput,
  type LotQuantities,
  type LotRules,
  type PlaceAttributes,
} from "./verdict";

export type LiveVerdictBase = {
  rules: unknown;
  place: { attributes: unknown; quantities: unknown };
  lot: { recordsComplete: boolean };
  verdictInputs: readonly LotItemInput[];
};

export function liveLotVerdict(base: LiveVerdictBase, entries: Record<string, EntryInput>) {
  return computeLotVerdict({
    rules: base.rules as LotRules,
    attributes: base.place.attributes as PlaceAttributes,
    quantities: base.place.quantities as LotQuantities,
    recordsComplete: base.lot.recordsComplete,
    items: base.verdictInputs.map((input) => {
      const e = entries[input.itemId];
      return e
        ? { ...input, result: e.result, designValue: e.designValue, points: livePoints(e.points) }
        : input;
    }),
  });
}
