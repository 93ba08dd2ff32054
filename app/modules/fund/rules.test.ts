import { describe, expect, it } from "vitest";
import { acceptedQuantity, claimGaps, type LotForMeasure, type MeasuredItem } from "./rules";

const item: MeasuredItem = {
  id: "b1",
  workTypeId: "wiring",
  unit: "跑",
  quantityMilli: 30_000,
  places: [
    { kind: "stairwell", id: "s1" },
    { kind: "stairwell", id: "s2" },
    { kind: "stairwell", id: "s3" },
  ],
};
const lot = (over: Partial<LotForMeasure>): LotForMeasure => ({
  id: "l",
  workTypeId: "wiring",
  status: "accepted",
  placeKind: "stairwell",
  stairwellId: "s1",
  buildingId: null,
  zoneId: null,
  capacity: 14,
  capacityUnit: "跑",
  ...over,
});

describe("accepted quantity of a bill item", () => {
  it("sums the capacities of accepted lots of its work type at its places", () => {
    const m = acceptedQuantity(item, [
      lot({ id: "a" }),
      lot({ id: "b", stairwellId: "s2", capacity: 7 }),
    ]);
    expect(m.acceptedMilli).toBe(21_000);
    expect(m.lots.map((l) => l.id)).toEqual(["a", "b"]);
  });
  it("ignores lots not accepted, of another work type, place or unit", () => {
    const m = acceptedQuantity(item, [
      lot({ id: "submitted", status: "submitted" }),
      lot({ id: "other-type", workTypeId: "railing" }),
      lot({ id: "elsewhere", stairwellId: "s9" }),
      lot({ id: "metres", capacityUnit: "m" }),
      lot({ id: "no-capacity", capacity: null }),
    ]);
    expect(m.acceptedMilli).toBe(0);
    expect(m.lots).toEqual([]);
  });
  it("caps at the contract quantity but reports what lies beyond", () => {
    const m = acceptedQuantity(item, [
      lot({ id: "a" }),
      lot({ id: "b", stairwellId: "s2" }),
      lot({ id: "c", stairwellId: "s3" }),
    ]);
    expect(m.acceptedMilli).toBe(30_000);
    expect(m.uncappedMilli).toBe(42_000);
  });
  it("counts every place of the compound when the item lists none", () => {
    const m = acceptedQuantity({ ...item, places: [] }, [lot({ stairwellId: "s9" })]);
    expect(m.acceptedMilli).toBe(14_000);
  });
});

describe("claims against accepted quantities", () => {
  const claim = { billItemId: "b1", code: "010", name: "楼道线路", unit: "跑" };
  it("lists the gap of a claim above accepted less earlier certified", () => {
    const gaps = claimGaps(
      [{ ...claim, milli: 20_000 }],
      new Map([["b1", { acceptedMilli: 28_000, priorMilli: 14_000 }]]),
    );
    expect(gaps).toEqual([
      expect.objectContaining({ code: "010", availableMilli: 14_000, gapMilli: 6_000 }),
    ]);
  });
  it("accepts a claim exactly at what is available", () => {
    expect(
      claimGaps(
        [{ ...claim, milli: 14_000 }],
        new Map([["b1", { acceptedMilli: 14_000, priorMilli: 0 }]]),
      ),
    ).toEqual([]);
  });
});
