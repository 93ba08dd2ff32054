import { describe, expect, it } from "vitest";
import {
  correctedPoint,
  correctionRefusal,
  correctionsMade,
  livePoints,
  type RecordedPoint,
} from "./corrections";

// GB 50300-2013 §3.0.6 and §5.0.1: the record of a lot is what was measured; a corrected
// measurement keeps what was first recorded (the archive's trace), decision 0016.
const p108: RecordedPoint = { value: 1.08, text: "1.08", design: null };
const p112: RecordedPoint = { value: 1.12, text: "1.12", design: null };

describe("corrections of measured points", () => {
  it("a correction keeps the old value, oldest first", () => {
    const once = correctedPoint(p108, p112);
    expect(once).toMatchObject({ value: 1.12, was: [{ value: 1.08, text: "1.08" }] });
    const twice = correctedPoint(once, { value: 1.11, text: "1.11" });
    expect(twice.was?.map((w) => w.value)).toEqual([1.08, 1.12]);
    expect(correctionRefusal([once], [twice])).toBeNull();
    expect(correctionsMade([once], [twice])).toEqual([
      {
        seq: 1,
        from: { value: 1.12, text: "1.12", design: null },
        to: expect.objectContaining({ value: 1.11 }),
      },
    ]);
  });

  it("a recorded point cannot be deleted or rewritten in place", () => {
    expect(correctionRefusal([p108], [])?.key).toBe("lot:errors.pointDeleted");
    expect(correctionRefusal([p108], [p112])?.key).toBe("lot:errors.pointRewritten");
    // A forged history (the old value missing from `was`) is a rewrite too.
    expect(correctionRefusal([p108], [{ ...p112, was: [{ value: 1.2 }] }])?.key).toBe(
      "lot:errors.pointRewritten",
    );
  });

  it("a withdrawn point stays on record, is not judged and cannot come back", () => {
    const withdrawn = { ...p108, removed: true };
    expect(correctionRefusal([p108], [withdrawn])).toBeNull();
    expect(correctionsMade([p108], [withdrawn])).toEqual([
      { seq: 1, from: expect.objectContaining({ value: 1.08 }), to: null },
    ]);
    expect(livePoints([withdrawn, p112])).toEqual([p112]);
    expect(correctionRefusal([withdrawn], [p108])?.key).toBe("lot:errors.pointWithdrawnRestore");
  });

  it("new points come after the recorded ones, without history", () => {
    expect(correctionRefusal([p108], [p108, p112])).toBeNull();
    expect(correctionRefusal([], [{ ...p112, was: [p108] }])?.key).toBe(
      "lot:errors.pointNewWithHistory",
    );
    // The 严重缺陷 flag is a classification and may change.
    expect(correctionRefusal([p108], [{ ...p108, serious: true }])).toBeNull();
  });
});
