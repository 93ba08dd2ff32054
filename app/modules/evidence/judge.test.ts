import { describe, expect, it } from "vitest";
import { judgeTest, parseValues } from "./judge";
import { divisionTest, judgeSpecOf } from "./specs.server";

const verdict = (item: string, input: Parameters<typeof judgeTest>[1]) => {
  const v = judgeTest(judgeSpecOf(item), input);
  if (!v.ok) throw new Error(`refused: ${v.error}`);
  return v;
};

describe("安全和功能检验 verdicts (GB 50300-2013 §5.0.3-3), limits read from the checklist data", () => {
  it("GB 50303-2015 §17.1.2: lighting circuits' insulation resistance not below 0.5 MΩ", () => {
    expect(verdict("SW-M7", { values: [0.5, 2.5], attributes: {} }).pass).toBe(true);
    const low = verdict("SW-M7", { values: [2.5, 0.4], attributes: {} });
    expect(low.pass).toBe(false);
    expect(low.ref).toBe("GB 50303-2015 §17.1.2");
  });

  it("GB 50303-2015 §21.1.2: a residential lighting trial run lasts at least 8 h", () => {
    expect(verdict("SL-M6", { values: [8], attributes: {} }).pass).toBe(true);
    expect(verdict("SL-M6", { values: [6], attributes: {} }).pass).toBe(false);
  });

  it("GB 50141-2008 §9.2.6: septic tank leakage ≤ 2 L/(m²·d) in concrete, ≤ 3 in masonry", () => {
    expect(verdict("ST-M6", { values: [2.5], attributes: { structure: "rc" } }).pass).toBe(false);
    expect(verdict("ST-M6", { values: [2.5], attributes: { structure: "masonry" } }).pass).toBe(
      true,
    );
  });

  it("GB 50268-2008 §9.3.5: closed-water leakage against table 9.3.5 by bore, 0.0046·Di for plastics", () => {
    const rc = { pipeDiameter: 300, pipeMaterial: "rc" };
    expect(verdict("RS-M8", { values: [21.6], attributes: rc }).pass).toBe(true);
    expect(verdict("RS-M8", { values: [21.7], attributes: rc }).pass).toBe(false);
    // HDPE DN300: allowed 0.0046 × 300 = 1.38 m³/(24h·km)
    const plastic = { pipeDiameter: 300, pipeMaterial: "plastic" };
    expect(verdict("RS-M8", { values: [1.38], attributes: plastic }).pass).toBe(true);
    expect(verdict("RS-M8", { values: [1.5], attributes: plastic }).pass).toBe(false);
    const unknown = judgeTest(judgeSpecOf("RS-M8"), { values: [1], attributes: {} });
    expect(unknown).toMatchObject({ ok: false, error: "missingAttribute" });
  });

  it("CJJ 1-2008 §6.8.1: subgrade compaction ≥ 90 % on minor roads (heavy compaction)", () => {
    const branch = { roadClass: "branch" };
    expect(verdict("RD-M1", { values: [90, 93], attributes: branch }).pass).toBe(true);
    expect(verdict("RD-M1", { values: [89], attributes: branch }).pass).toBe(false);
    // 次干路 ≥ 93 %
    expect(verdict("RD-M1", { values: [92], attributes: { roadClass: "secondary" } }).pass).toBe(
      false,
    );
  });

  it("CJJ 1-2008 §8.5.1: representative deflection l̄ + Za·S (Za 1.5) not above the design value", () => {
    // mean 30, s = 2 → 33 ≤ 35 passes; against a design of 32 it fails
    const values = [28, 30, 32];
    expect(verdict("RD-M6", { values, attributes: {}, design: 35 }).pass).toBe(true);
    expect(verdict("RD-M6", { values, attributes: {}, design: 32 }).pass).toBe(false);
    const tooFew = judgeTest(judgeSpecOf("RD-M6"), { values: [30], attributes: {}, design: 35 });
    expect(tooFew).toMatchObject({ ok: false, error: "fewPoints" });
  });

  it("GB 50009-2012 §5.5.2: a stair railing bears a top horizontal load of 1.0 kN/m", () => {
    expect(verdict("SR-M10", { values: [1.0], attributes: {} }).pass).toBe(true);
    expect(verdict("SR-M10", { values: [0.8], attributes: {} }).pass).toBe(false);
  });

  it("refuses values outside the plausible entry range instead of judging them", () => {
    const v = judgeTest(judgeSpecOf("RD-M1"), { values: [500], attributes: {} });
    expect(v).toMatchObject({ ok: false, error: "outOfRange" });
  });

  it("each division's tests name a checklist item with a judge spec", () => {
    expect(divisionTest("建筑电气", "insulation")?.spec.clause).toBe("17.1.2");
    expect(divisionTest("建筑电气", "closedWater")).toBeNull();
  });

  it("reads measured values separated by spaces, commas or 、", () => {
    expect(parseValues("1.2, 3 、4")).toEqual([1.2, 3, 4]);
    expect(parseValues("1.2 abc")).toBeNull();
    expect(parseValues("  ")).toBeNull();
  });
});
