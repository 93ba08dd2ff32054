/** Lot-level rules of GB 50300-2013 §5.0.1, formatting, and the rules read from the data file. */

import { describe, expect, it } from "vitest";
import {
  computeLotVerdict,
  formatEntered,
  lotRulesFor,
  minimumSamplesForCapacity,
  specFromLegacyNumeric,
} from "./verdict";
import {
  data,
  dataItem,
  inputOf,
  rules,
  rulesOf,
  workTypeOf,
} from "./verdict-fixture.test-support";
import { rulesFromChecklistData } from "./verdict-rules-data";
import { verdictTextZh } from "./verdict-text";

const railingLot = (items: ReturnType<typeof inputOf>[], recordsComplete = true) =>
  computeLotVerdict({
    rules: rulesOf("SR-M7"),
    attributes: { storeys: 7 },
    quantities: { flights: 1, units: 1, lots: 1 },
    items,
    recordsComplete,
  });

describe("GB 50300-2013 §5.0.1 lot verdict", () => {
  it("a lot whose 主控项目 are all n/a does not pass, though its 一般项目 pass", () => {
    const v = railingLot([
      inputOf("SR-M7", { result: "na" }, 1),
      inputOf("SR-G2", { points: [2] }, 1),
    ]);
    expect(v.status).toBe("incomplete");
    expect(v.canAccept).toBe(false);
    expect(verdictTextZh(v.summary)).toContain("主控项目全部不适用");
  });
  it("one failing 主控项目 fails the lot even when the 一般项目 pass (§5.0.1-1)", () => {
    const v = railingLot([
      inputOf("SR-M7", { points: [1.08] }, 1),
      inputOf("SR-G2", { points: [2] }, 1),
    ]);
    expect(v.status).toBe("fail");
    expect(verdictTextZh(v.summary)).toBe("不合格：主控项目 1");
  });
  it("incomplete records keep a passing lot from acceptance (§5.0.1-3)", () => {
    const v = railingLot([inputOf("SR-M7", { points: [1.12] }, 1)], false);
    expect(v.status).toBe("incomplete");
    expect(verdictTextZh(v.summary)).toContain("质量验收记录不完整");
  });
  it("passes when every applicable item passes; n/a items are not counted", () => {
    const v = railingLot([
      inputOf("SR-M7", { points: [1.12] }, 1),
      inputOf("SR-M6", { result: "na" }, 2),
      inputOf("SR-G2", { points: [2] }, 1),
    ]);
    expect(v.status).toBe("pass");
  });
  it("a 一般项目 point flagged as a serious defect fails the item (GB 50210 其余样本不得有影响使用功能的缺陷)", () => {
    const v = railingLot([
      inputOf("SR-M7", { points: [1.12] }, 1),
      inputOf("SR-G2", { points: [{ value: 2, serious: true }] }, 1),
    ]);
    expect(v.status).toBe("fail");
  });
  it("the inspector's 不合格 on a measured item stands although its points pass", () => {
    const v = railingLot([inputOf("SR-M7", { points: [1.12], result: "fail" }, 1)]);
    expect(v.status).toBe("fail");
  });
  it("items judged by hand need a result", () => {
    const v = railingLot([inputOf("SR-M1", {}, 1)]);
    expect(v.items[0]!.status).toBe("incomplete");
  });
});

describe("governing codes from the data", () => {
  it("the septic tank is judged under GB 50141-2008 (80%, 1.5×)", () => {
    const r = lotRulesFor(workTypeOf("ST-M6").standards, rules);
    expect(r.ruleCode).toBe("GB 50141-2008");
    expect(r.maxDeviationFactor).toBe(1.5);
  });
  it("GB 50303 sets no pass rate: Appendix D applies", () => {
    expect(lotRulesFor(workTypeOf("SW-G5").standards, rules).minPassRate).toBeNull();
  });
  it("回填压实度 is a 主控项目 (GB 50268-2008 §4.6.3)", () => {
    expect(dataItem("RS-M12").kind).toBe("main");
  });
  it("plaza paving names CJJ 1 as its governing code", () => {
    expect(dataItem("GP-G3").judge?.generalRule).toBe("CJJ 1-2008");
  });
  it("table 3.0.9 rows: 2–15 → 2, 16–25 → 3, 26–90 → 5, 91–150 → 8, 151–280 → 13, 281–500 → 20, 501–1200 → 32, 1201–3200 → 50", () => {
    const t = rules.minimumSampleSize;
    const got = [2, 15, 16, 25, 26, 90, 91, 150, 151, 280, 281, 500, 501, 1200, 1201, 3200].map(
      (c) => minimumSamplesForCapacity(c, t),
    );
    expect(got).toEqual([2, 2, 3, 3, 5, 5, 8, 8, 13, 13, 20, 20, 32, 32, 50, 50]);
  });
  it("a malformed acceptanceRules is rejected with its path", () => {
    expect(() =>
      rulesFromChecklistData({ ...data.acceptanceRules, minimumSampleSize: {} }),
    ).toThrow(/minimumSampleSize/);
  });
});

describe("entry plausibility and precision", () => {
  it("0.12 entered for 杆件净距 (mm) is outside the plausible range: asks to confirm the unit", () => {
    const [lo] = dataItem("SR-M8").judge!.entryRange;
    expect(0.12 < lo).toBe(true);
  });
  it("a 1.9 m 扶手高度 is outside the plausible range", () => {
    const [, hi] = dataItem("SR-M5").judge!.entryRange;
    expect(1.9 > hi).toBe(true);
  });
  it("keeps the precision as entered: 1.10 → 1.10 m, 1.00 → 1.00 m", () => {
    expect(formatEntered(1.1, "m", "1.10")).toBe("1.10 m");
    expect(formatEntered(1, "m", "1.00")).toBe("1.00 m");
    expect(formatEntered(1.1, "m", null)).toBe("1.1 m");
  });
  it("no item is left with the unit 'ratio' (it printed blank)", () => {
    const units = data.workTypes.flatMap((w) => w.items.map((i) => i.judge?.unit));
    expect(units).not.toContain("ratio");
  });
});

describe("lots on checklist versions before judge specs", () => {
  it("derive a spec from their numbers: ≥ 1.05 m still fails 1.00 m", () => {
    const spec = specFromLegacyNumeric(
      { unit: "m", min: 1.05, max: null, quantity: "absolute" },
      "GB 50096",
    )!;
    const v = computeLotVerdict({
      rules: rulesOf("SR-M7"),
      quantities: { lots: 1 },
      items: [{ ...inputOf("SR-M7", { points: [1] }), spec }],
    });
    expect(v.status).toBe("fail");
  });
});
