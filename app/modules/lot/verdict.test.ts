import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  acceptanceNumber,
  computeLotVerdict,
  DEFAULT_MIN_PASS_RATE,
  formatMeasured,
  formatNumber,
  formatPercent,
  governingGeneralRule,
  isAutoJudgeable,
  judgePoint,
  type LotItemInput,
  type LotRules,
  lotRulesFor,
  minimumSamplesForCapacity,
  type NumericSpec,
  requiredSampleCount,
  rulesFromChecklistData,
  seriousLimits,
} from "./verdict";

// ---------------------------------------------------------------------------------------------
// Real checklist data
// ---------------------------------------------------------------------------------------------

interface ChecklistItem {
  id: string;
  kind: "main" | "general";
  textZh: string;
  numeric: NumericSpec | null;
  samplePlan: string;
}

interface WorkType {
  code: string;
  standards: string[];
  items: ChecklistItem[];
}

interface Checklists {
  acceptanceRules: unknown;
  workTypes: WorkType[];
}

const CHECKLIST_PATHS = [
  "/work/main/prisma/data/checklists.json",
  "/work/shared/domain/checklists.json",
];

function loadChecklists(): Checklists {
  const path = CHECKLIST_PATHS.find((p) => existsSync(p));
  if (!path) throw new Error("checklists.json not found");
  return JSON.parse(readFileSync(path, "utf8")) as Checklists;
}

const data = loadChecklists();
const rules = rulesFromChecklistData(data.acceptanceRules);
const allItems = data.workTypes.flatMap((w) => w.items);

function workType(code: string): WorkType {
  const found = data.workTypes.find((w) => w.code === code);
  if (!found) throw new Error(`work type ${code} not in data`);
  return found;
}

function checklistItem(id: string): ChecklistItem {
  const found = allItems.find((i) => i.id === id);
  if (!found) throw new Error(`item ${id} not in data`);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------

const RAILING_RULES = lotRulesFor(workType("stair-railing").standards, rules); // GB 50210: 80%, 1.5×
const WIRING_RULES = lotRulesFor(workType("stairwell-wiring").standards, rules); // GB 50303: App. D

const railingHeight: NumericSpec = { unit: "m", min: 1.05, max: null, quantity: "absolute" };
const flatness: NumericSpec = { unit: "mm", min: null, max: 3, quantity: "absolute" };
const handrailHeightDeviation: NumericSpec = {
  unit: "mm",
  min: 0,
  max: 6,
  quantity: "deviationFromDesign",
};

function item(overrides: Partial<LotItemInput> & Pick<LotItemInput, "kind" | "seq">): LotItemInput {
  return {
    itemId: `${overrides.kind}-${overrides.seq}`,
    labelZh: "检查项",
    numeric: null,
    result: null,
    points: [],
    ...overrides,
  };
}

function values(...vs: number[]) {
  return vs.map((value) => ({ value }));
}

/** n points for a "≤ 3 mm" item, `failing` of them at 4 mm (over tolerance, under 1.5×). */
function flatnessPoints(n: number, failing: number) {
  return values(...Array.from({ length: n }, (_, i) => (i < failing ? 4 : 2)));
}

function generalFlatness(n: number, failing: number, extra: Partial<LotItemInput> = {}) {
  return item({
    kind: "general",
    seq: 3,
    labelZh: "表面平整度",
    numeric: flatness,
    requiredSamples: n,
    points: flatnessPoints(n, failing),
    ...extra,
  });
}

function verdictOf(items: LotItemInput[], lotRules: LotRules = RAILING_RULES) {
  return computeLotVerdict({ rules: lotRules, items });
}

// ---------------------------------------------------------------------------------------------
// rulesFromChecklistData
// ---------------------------------------------------------------------------------------------

describe("rulesFromChecklistData", () => {
  it("reads the real acceptanceRules", () => {
    expect(rules.generalRules).toHaveLength(6);
    expect(rules.generalRules[0]).toEqual({
      code: "CJJ 1-2008",
      minPassRate: 0.8,
      maxDeviationFactor: 1.5,
    });
    expect(rules.generalRules.find((r) => r.code.includes("GB 50303"))).toEqual({
      code: "GB 50303-2015 / GB 50242-2002",
      minPassRate: null,
      maxDeviationFactor: null,
    });
    expect(rules.appendixD.map((r) => r.n)).toEqual([5, 8, 13, 20, 32, 50, 80, 125]);
    expect(rules.appendixD[0]).toEqual({ n: 5, ac: 1, re: 2 });
    expect(rules.minimumSampleSize).toHaveLength(8);
    expect(rules.minimumSampleSize[0]).toEqual({
      lotCapacityMin: 2,
      lotCapacityMax: 15,
      minSamples: 2,
    });
    expect(rules.defaultMinPassRate).toBe(DEFAULT_MIN_PASS_RATE);
  });

  it("sorts the tables it reads", () => {
    const base = data.acceptanceRules as Record<string, unknown>;
    const shuffled = {
      ...base,
      appendixD_generalItemCountingJudgement: {
        singleSampling: [
          { n: 13, ac: 3, re: 4 },
          { n: 5, ac: 1, re: 2 },
        ],
      },
    };
    expect(rulesFromChecklistData(shuffled).appendixD.map((r) => r.n)).toEqual([5, 13]);
  });

  it("takes a default pass rate from the data when one is given", () => {
    const base = data.acceptanceRules as Record<string, unknown>;
    expect(rulesFromChecklistData({ ...base, defaultMinPassRate: 0.9 }).defaultMinPassRate).toBe(
      0.9,
    );
  });

  it("rejects malformed data with the offending path", () => {
    const base = data.acceptanceRules as Record<string, unknown>;
    expect(() => rulesFromChecklistData(null)).toThrow("acceptanceRules must be an object");
    expect(() => rulesFromChecklistData([])).toThrow("acceptanceRules must be an object");
    expect(() =>
      rulesFromChecklistData({ ...base, generalItemRuleBySpecialtyCode: undefined }),
    ).toThrow("acceptanceRules.generalItemRuleBySpecialtyCode must be a non-empty array");
    expect(() =>
      rulesFromChecklistData({
        ...base,
        generalItemRuleBySpecialtyCode: [
          { code: "X 1", minPassRate: "80%", maxDeviationFactor: 1 },
        ],
      }),
    ).toThrow("acceptanceRules.generalItemRuleBySpecialtyCode[0].minPassRate must be a number");
    expect(() =>
      rulesFromChecklistData({
        ...base,
        generalItemRuleBySpecialtyCode: [{ code: "X 1", minPassRate: 0.8 }],
      }),
    ).toThrow("acceptanceRules.generalItemRuleBySpecialtyCode[0].maxDeviationFactor is missing");
    expect(() => rulesFromChecklistData({ ...base, minimumSampleSize: { table: [] } })).toThrow(
      "acceptanceRules.minimumSampleSize.table must be a non-empty array",
    );
    const { appendixD_generalItemCountingJudgement: _omitted, ...withoutD } = base;
    expect(() => rulesFromChecklistData(withoutD)).toThrow(
      "acceptanceRules.appendixD_generalItemCountingJudgement is missing",
    );
  });
});

// ---------------------------------------------------------------------------------------------
// governingGeneralRule / lotRulesFor
// ---------------------------------------------------------------------------------------------

describe("governingGeneralRule", () => {
  const expected: Record<string, string | null> = {
    "stairwell-wiring": "GB 50303-2015 / GB 50242-2002",
    "stairwell-sound-light": "GB 50303-2015 / GB 50242-2002",
    "stair-railing": "GB 50210-2018",
    "road-repair": "CJJ 1-2008",
    "rain-sewer-network": "GB 50268-2008",
    "septic-tank": "GB 50303-2015 / GB 50242-2002",
    "wall-finishing": "GB 50210-2018",
    "green-plaza": "CJJ 82-2012",
    "rubbish-point": null,
    "fitness-equipment": null,
    "parking-lot": "CJJ 1-2008",
    "illegal-structure-demolition": null,
  };

  it("covers every work type in the data", () => {
    expect(data.workTypes.map((w) => w.code).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(data.workTypes.map((w) => [w.code, w.standards] as const))("%s", (code, standards) => {
    expect(governingGeneralRule(standards, rules)?.code ?? null).toBe(expected[code]);
  });

  it("lets the first matching standard win", () => {
    expect(governingGeneralRule(["CJJ 82-2012", "CJJ 1-2008"], rules)?.code).toBe("CJJ 82-2012");
    expect(governingGeneralRule(["GB 50300-2013", "CJJ 1-2008"], rules)?.code).toBe("CJJ 1-2008");
  });

  it("ignores the year but not the number", () => {
    expect(governingGeneralRule(["GB 50210-2001"], rules)?.code).toBe("GB 50210-2018");
    expect(governingGeneralRule(["GB 50203-2002"], rules)?.code).toBe(
      "GB 50204-2015 / GB 50203-2011",
    );
    expect(governingGeneralRule(["CJJ 11-2011"], rules)).toBeNull();
    expect(governingGeneralRule(["GB 5021"], rules)).toBeNull();
    expect(governingGeneralRule(["GB/T 50210"], rules)).toBeNull();
    expect(governingGeneralRule([], rules)).toBeNull();
  });
});

describe("lotRulesFor", () => {
  it("uses the governing code's numbers", () => {
    expect(RAILING_RULES).toMatchObject({
      ruleCode: "GB 50210-2018",
      minPassRate: 0.8,
      maxDeviationFactor: 1.5,
    });
  });

  it("switches to Appendix D where the code sets no pass rate", () => {
    expect(WIRING_RULES).toMatchObject({ minPassRate: null, maxDeviationFactor: null });
    expect(WIRING_RULES.appendixD).toBe(rules.appendixD);
  });

  it("falls back to the default pass rate without a 1.5× limit", () => {
    expect(lotRulesFor(["JGJ 147-2016"], rules)).toMatchObject({
      ruleCode: null,
      minPassRate: 0.8,
      maxDeviationFactor: null,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// judgePoint
// ---------------------------------------------------------------------------------------------

describe("judgePoint", () => {
  it("passes a value inside the bounds, including on a bound", () => {
    expect(judgePoint(1.1, railingHeight)).toEqual({
      ok: true,
      compared: 1.1,
      boundZh: "",
      seriousLimitExceeded: false,
      seriousBoundZh: "",
    });
    expect(judgePoint(1.05, railingHeight).ok).toBe(true);
    expect(judgePoint(3, flatness).ok).toBe(true);
  });

  it("explains a failing point with aligned decimals", () => {
    expect(judgePoint(1, railingHeight)).toMatchObject({ ok: false, boundZh: "1.00 m < 1.05 m" });
    expect(judgePoint(4, flatness)).toMatchObject({ ok: false, boundZh: "4 mm > 3 mm" });
    const ph: NumericSpec = { unit: "pH", min: 5.6, max: 8, quantity: "absolute" };
    expect(judgePoint(8.25, ph)).toMatchObject({ ok: false, boundZh: "8.25 pH > 8.00 pH" });
    const percent: NumericSpec = { unit: "%", min: 93, max: null, quantity: "absolute" };
    expect(judgePoint(92.5, percent)).toMatchObject({ boundZh: "92.5% < 93.0%" });
  });

  it("never shows binary noise", () => {
    const sum = 0.35 * 3; // 1.0499999999999998
    expect(judgePoint(sum, railingHeight)).toMatchObject({ ok: true });
    expect(judgePoint(sum - 0.05, railingHeight)).toMatchObject({ boundZh: "1.00 m < 1.05 m" });
    expect(formatNumber(sum)).toBe("1.05");
    expect(formatNumber(1.1 - 1.05)).toBe("0.05");
  });

  it("compares measured − design for deviationFromDesign", () => {
    expect(judgePoint(1003, handrailHeightDeviation, 1000)).toMatchObject({
      ok: true,
      compared: 3,
    });
    expect(judgePoint(1007, handrailHeightDeviation, 1000)).toMatchObject({
      ok: false,
      compared: 7,
      boundZh: "偏差 +7 mm > +6 mm",
    });
    expect(judgePoint(998, handrailHeightDeviation, 1000)).toMatchObject({
      ok: false,
      compared: -2,
      boundZh: "偏差 -2 mm < 0 mm",
    });
    const crossfall: NumericSpec = {
      unit: "%",
      min: -0.3,
      max: 0.3,
      quantity: "deviationFromDesign",
    };
    // 1.3 − 1.0 is 0.30000000000000004 in floating point: still on the bound.
    expect(judgePoint(1.3, crossfall, 1)).toMatchObject({ ok: true, compared: 0.3 });
  });

  it("cannot judge a deviation without a design value", () => {
    expect(judgePoint(1007, handrailHeightDeviation)).toEqual({
      ok: null,
      messageZh: "缺少设计值",
    });
    expect(judgePoint(1007, handrailHeightDeviation, null)).toEqual({
      ok: null,
      messageZh: "缺少设计值",
    });
  });

  it("does not auto-judge items without bounds or with other quantities", () => {
    const switchHeight = checklistItem("SL-G3").numeric!;
    expect(switchHeight.target).toBe(1.3);
    expect(judgePoint(1.3, switchHeight)).toEqual({
      ok: null,
      messageZh: "无允许范围，需人工判定",
    });
    const testHead = checklistItem("RS-M6").numeric!;
    expect(judgePoint(2.5, testHead).ok).toBeNull();
    expect(isAutoJudgeable(testHead)).toBe(false);
    expect(isAutoJudgeable(checklistItem("RD-M6").numeric!)).toBe(false);
    expect(judgePoint(Number.NaN, flatness)).toEqual({ ok: null, messageZh: "实测值无效" });
  });

  describe("serious-deviation limit", () => {
    it("is max × factor for an allowable deviation with no lower bound", () => {
      expect(judgePoint(4.5, flatness, null, 1.5)).toMatchObject({
        ok: false,
        seriousLimitExceeded: false,
      });
      expect(judgePoint(4.6, flatness, null, 1.5)).toMatchObject({
        ok: false,
        seriousLimitExceeded: true,
        seriousBoundZh: "4.6 mm > 4.5 mm",
      });
      const gap: NumericSpec = { unit: "mm", min: 0, max: 2, quantity: "absolute" };
      expect(seriousLimits(gap, 1.5)).toEqual({ min: null, max: 3 });
    });

    it("is the band [min×f, max×f] for deviationFromDesign", () => {
      const spacing = checklistItem("SR-G3").numeric!; // 0, −6 mm
      expect(seriousLimits(spacing, 1.5)).toEqual({ min: -9, max: 0 });
      expect(judgePoint(91, spacing, 100, 1.5)).toMatchObject({ seriousLimitExceeded: false });
      expect(judgePoint(90.5, spacing, 100, 1.5)).toMatchObject({
        seriousLimitExceeded: true,
        seriousBoundZh: "偏差 -9.5 mm < -9.0 mm",
      });
      // A zero bound stays zero: any excess on that side is beyond 1.5× of the allowance.
      expect(judgePoint(101, spacing, 100, 1.5)).toMatchObject({ seriousLimitExceeded: true });
      const crossfall = checklistItem("RD-G6").numeric!; // ±0.3 %
      expect(seriousLimits(crossfall, 1.5)).toEqual({ min: -0.45, max: 0.45 });
      expect(judgePoint(2.45, crossfall, 2, 1.5)).toMatchObject({ seriousLimitExceeded: false });
    });

    it("does not exist for minimum requirements or value ranges", () => {
      expect(seriousLimits(railingHeight, 1.5)).toBeNull();
      expect(judgePoint(0.5, railingHeight, null, 1.5)).toMatchObject({
        ok: false,
        seriousLimitExceeded: false,
      });
      expect(seriousLimits(checklistItem("RD-M1").numeric!, 1.5)).toBeNull(); // compaction ≥ 90 %
      expect(seriousLimits(checklistItem("GP-M1").numeric!, 1.5)).toBeNull(); // pH 5.6–8.0
      expect(seriousLimits(checklistItem("SW-G1").numeric!, 1.5)).toBeNull(); // 150–500 mm
    });

    it("does not exist without a factor", () => {
      expect(seriousLimits(flatness, null)).toBeNull();
      expect(judgePoint(100, flatness)).toMatchObject({ seriousLimitExceeded: false });
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Sample sizes
// ---------------------------------------------------------------------------------------------

describe("minimumSamplesForCapacity (GB 50300 table 3.0.9)", () => {
  const table = rules.minimumSampleSize;
  it.each([
    [1, 1],
    [2, 2],
    [15, 2],
    [16, 3],
    [25, 3],
    [26, 5],
    [90, 5],
    [91, 8],
    [280, 13],
    [500, 20],
    [1200, 32],
    [3200, 50],
    [10000, 50],
    [20.5, 3],
  ])("capacity %s → %s", (capacity, expected) => {
    expect(minimumSamplesForCapacity(capacity, table)).toBe(expected);
  });

  it("needs a usable capacity and table", () => {
    expect(minimumSamplesForCapacity(null, table)).toBeNull();
    expect(minimumSamplesForCapacity(undefined, table)).toBeNull();
    expect(minimumSamplesForCapacity(0, table)).toBeNull();
    expect(minimumSamplesForCapacity(10, [])).toBeNull();
  });
});

describe("requiredSampleCount", () => {
  const table = rules.minimumSampleSize;
  const cases: [plan: string, capacity: number | null, expected: number][] = [
    ["全数检查（每跑梯段不少于2点）", null, 2],
    ["全数检查（每跑梯段不少于3处）", null, 3],
    ["全数检查（每跑梯段不少于3处）", 12, 12],
    ["全数检查", null, 1],
    ["全数检查", 8, 8],
    ["按每个检验批抽查10%，且不得少于1处", null, 1],
    ["按每个检验批抽查10%，且不得少于1处", 35, 4],
    ["按每个检验批抽查10%，且不得少于1处", 5, 1],
    ["按每检验批的灯具数量抽查5%，且不得少于1套", 60, 3],
    ["按每个检验批的钢导管连接头总数抽查20%，且不得少于1处", 12, 3],
    ["室内每检验批至少抽查10%且不少于3间（小锤轻击检查）", null, 3],
    ["室内每检验批至少抽查10%且不少于3间（小锤轻击检查）", 50, 5],
    ["按车位数抽查10%，且不少于3个", 120, 12],
    ["每批苗木抽查10%且不少于5株", null, 5],
    ["每100株抽查10株", null, 10],
    ["每检验批随机取样5处（土层20cm及50cm处）", null, 5],
    ["两井之间或每1000m²，每层每侧一组（每组3点），环刀法", null, 3],
    ["每1000m²、每压实层抽检3点（环刀/灌砂）", null, 3],
    ["每间/每处不少于2点", null, 2],
    ["每井段测管底高程不少于2点（水准仪）", null, 2],
    ["每1000m²测不少于5点", null, 5],
    ["每20m测1点", null, 1],
    ["纵缝每100m 1点；横缝每40m 1点", null, 1],
    ["每20m查1块板", null, 1],
    ["每100m抽查1~2点", null, 2],
    ["每20m一个断面，路宽<9m测2点，9~15m测4点，>15m测6点", null, 6],
    [
      "回路核对: 按每检验批的末级照明配电箱总数抽查20%；试运行: 抽查5%，且均不得少于1台配电箱及相应回路",
      40,
      8,
    ],
    ["每座", null, 1],
    ["每座", 1, 1],
    ["每检验批核查", 40, 5],
    ["每个试验段", 3, 2],
    ["全过程巡查", null, 1],
  ];

  it("uses strings that really occur in the data", () => {
    const plans = new Set(allItems.map((i) => i.samplePlan));
    for (const [plan] of cases) expect(plans.has(plan), plan).toBe(true);
  });

  it.each(cases)("%s (capacity %s) → %s", (plan, capacity, expected) => {
    expect(requiredSampleCount(plan, capacity, table)).toBe(expected);
  });

  it("returns at least 1 for every plan in the data", () => {
    for (const i of allItems) {
      expect(requiredSampleCount(i.samplePlan)).toBeGreaterThanOrEqual(1);
      expect(requiredSampleCount(i.samplePlan, 40, table)).toBeGreaterThanOrEqual(1);
    }
  });

  it("needs the table for the capacity fallback", () => {
    expect(requiredSampleCount("每检验批核查", 40)).toBe(1);
  });
});

describe("acceptanceNumber (GB 50300 Appendix D, single sampling)", () => {
  const table = rules.appendixD;
  it.each([
    // table rows
    [5, 1],
    [8, 2],
    [13, 3],
    [20, 5],
    [32, 7],
    [50, 10],
    [80, 14],
    [125, 21],
    // interpolated and rounded: 8→2, 13→3
    [10, 2], // 2.4
    [11, 3], // 2.6
    [6, 1], // 1.33
    [7, 2], // 1.67
    [16, 4], // 3.86
    // below the first row: interpolated from (0, 0)
    [1, 0],
    [2, 0],
    [3, 1],
    [4, 1],
    // above the last row: the last row's ratio 21/125
    [250, 42],
  ])("n=%s → Ac=%s", (n, ac) => {
    expect(acceptanceNumber(n, table)).toBe(ac);
  });

  it("has no answer without a table or sample", () => {
    expect(acceptanceNumber(5, [])).toBeNull();
    expect(acceptanceNumber(0, table)).toBeNull();
  });
});

describe("formatMeasured", () => {
  it("shows values with their limits' decimals and the unit", () => {
    const railing = { unit: "m", min: 1.05, max: null, quantity: "absolute" } as const;
    expect(formatMeasured([1, 1.08], railing)).toEqual(["1.00 m", "1.08 m"]);
    const ratio = { unit: "%", min: 90, max: null, quantity: "absolute" } as const;
    expect(formatMeasured([85.5], ratio)).toEqual(["85.5%"]);
  });
});

describe("formatPercent", () => {
  it("shows at most one decimal and never rounds up to the limit", () => {
    expect(formatPercent(0.8)).toBe("80%");
    expect(formatPercent(0.75)).toBe("75%");
    expect(formatPercent(2 / 3)).toBe("66.6%");
    expect(formatPercent(0.7999)).toBe("79.9%");
    expect(formatPercent(1)).toBe("100%");
  });
});

// ---------------------------------------------------------------------------------------------
// computeLotVerdict
// ---------------------------------------------------------------------------------------------

describe("computeLotVerdict", () => {
  const materials = item({ kind: "main", seq: 1, labelZh: "材料", result: "pass" });
  const height = item({
    kind: "main",
    seq: 2,
    labelZh: "栏杆高度",
    numeric: railingHeight,
    requiredSamples: 3,
    points: values(1.1, 1.08, 1.05),
  });

  it("accepts a lot where everything passes", () => {
    const v = verdictOf([materials, height, generalFlatness(5, 0)]);
    expect(v.status).toBe("pass");
    expect(v.canAccept).toBe(true);
    expect(v.summaryZh).toBe("合格");
    expect(v.items.map((i) => i.status)).toEqual(["pass", "pass", "pass"]);
    expect(v.reasonsZh).toEqual([
      "主控项目 1 材料: 合格",
      "主控项目 2 栏杆高度: 3 点全部合格",
      "一般项目 3 表面平整度: 合格率 100% ≥ 80% (5 点中 0 点不合格)",
    ]);
  });

  it("fails the lot on one failing main-control point", () => {
    const failing = { ...height, points: values(1.1, 1, 1.08) };
    const v = verdictOf([materials, failing, generalFlatness(5, 0)]);
    expect(v.status).toBe("fail");
    expect(v.canAccept).toBe(false);
    expect(v.summaryZh).toBe("不合格：主控项目 2");
    expect(v.reasonsZh[0]).toBe("主控项目 2 栏杆高度: 1 点不合格 (1.00 m < 1.05 m)");
    expect(v.items[1]).toMatchObject({ status: "fail", failedPoints: 1, measuredPoints: 3 });
  });

  it("fails a main item even when the rest of its points are missing", () => {
    const v = verdictOf([{ ...height, requiredSamples: 5, points: values(0.98, 0.99, 1, 1.01) }]);
    expect(v.status).toBe("fail");
    expect(v.reasonsZh).toEqual([
      "主控项目 2 栏杆高度: 4 点不合格 (0.98 m < 1.05 m；0.99 m < 1.05 m；1.00 m < 1.05 m 等)",
    ]);
  });

  it("fails a main item marked fail, even with good points", () => {
    const v = verdictOf([
      { ...materials, result: "fail" },
      { ...height, result: "fail" },
    ]);
    expect(v.items.map((i) => i.status)).toEqual(["fail", "fail"]);
    expect(v.reasonsZh).toEqual(["主控项目 1 材料: 不合格", "主控项目 2 栏杆高度: 判定不合格"]);
  });

  it("requires measured points for a numeric main item, a tick is not enough", () => {
    const v = verdictOf([{ ...height, result: "pass", points: [] }]);
    expect(v.status).toBe("incomplete");
    expect(v.reasonsZh).toEqual(["主控项目 2 栏杆高度: 还需 3 个实测点 (已测 0，应测 3)"]);
  });

  it("reports an unanswered item as 未填写", () => {
    const v = verdictOf([{ ...materials, result: null }, height]);
    expect(v.status).toBe("incomplete");
    expect(v.summaryZh).toBe("未完成：主控项目 1");
    expect(v.reasonsZh[0]).toBe("主控项目 1 材料: 未填写");
  });

  describe("general items with a pass rate", () => {
    it("passes at exactly 80%", () => {
      const v = verdictOf([generalFlatness(5, 1)]);
      expect(v.status).toBe("pass");
      expect(v.items[0]).toMatchObject({ passRate: 0.8, failedPoints: 1, measuredPoints: 5 });
      expect(v.reasonsZh).toEqual(["一般项目 3 表面平整度: 合格率 80% ≥ 80% (5 点中 1 点不合格)"]);
    });

    it("passes at exactly 80% over 10 points (no floating-point slip)", () => {
      expect(verdictOf([generalFlatness(10, 2)]).status).toBe("pass");
    });

    it("fails just below 80%", () => {
      const v = verdictOf([generalFlatness(4, 1)]);
      expect(v.status).toBe("fail");
      expect(v.reasonsZh).toEqual(["一般项目 3 表面平整度: 合格率 75% < 80% (4 点中 1 点不合格)"]);
      expect(verdictOf([generalFlatness(9, 2)]).reasonsZh[0]).toContain("合格率 77.7% < 80%");
    });

    it("fails on a point beyond 1.5× the allowance even at a 90% pass rate", () => {
      const points = [...flatnessPoints(9, 0), { value: 4.6 }];
      const v = verdictOf([generalFlatness(10, 0, { points })]);
      expect(v.status).toBe("fail");
      expect(v.items[0]?.passRate).toBe(0.9);
      expect(v.reasonsZh).toEqual([
        "一般项目 3 表面平整度: 1 点超出允许偏差 1.5 倍 (4.6 mm > 4.5 mm)",
      ]);
    });

    it("accepts a point at exactly 1.5× the allowance", () => {
      const points = [...flatnessPoints(9, 0), { value: 4.5 }];
      expect(verdictOf([generalFlatness(10, 0, { points })]).status).toBe("pass");
    });

    it("fails on a point flagged as a serious defect, even inside tolerance", () => {
      const points = [...flatnessPoints(9, 0), { value: 1, serious: true }];
      const v = verdictOf([generalFlatness(10, 0, { points })]);
      expect(v.status).toBe("fail");
      expect(v.items[0]).toMatchObject({ failedPoints: 1 });
      expect(v.reasonsZh).toEqual(["一般项目 3 表面平整度: 1 点存在严重缺陷"]);
    });

    it("fails on a serious point before all points are measured", () => {
      const v = verdictOf([generalFlatness(10, 0, { points: values(2, 2, 9) })]);
      expect(v.status).toBe("fail");
    });

    it("has no 1.5× limit under the default rule", () => {
      const defaultRules = lotRulesFor(["JGJ 147-2016"], rules);
      const points = [...flatnessPoints(9, 0), { value: 9 }];
      expect(verdictOf([generalFlatness(10, 0, { points })], defaultRules).status).toBe("pass");
    });

    it("lets a general item marked fail override good points", () => {
      const v = verdictOf([generalFlatness(5, 0, { result: "fail" })]);
      expect(v.status).toBe("fail");
      expect(v.reasonsZh).toEqual(["一般项目 3 表面平整度: 判定不合格"]);
    });
  });

  it("excludes not-applicable items", () => {
    const notApplicable = generalFlatness(4, 4, { seq: 4, result: "na" });
    const v = verdictOf([materials, height, notApplicable]);
    expect(v.status).toBe("pass");
    expect(v.items[2]).toMatchObject({ status: "na", measuredPoints: 0, failedPoints: 0 });
    expect(v.reasonsZh.at(-1)).toBe("一般项目 4 表面平整度: 不适用 (不计入)");
  });

  it("cannot accept a lot without applicable items", () => {
    const allNa = verdictOf([{ ...materials, result: "na" }]);
    expect(allNa.status).toBe("incomplete");
    expect(allNa.summaryZh).toBe("未完成：没有适用的检查项目");
    expect(allNa.reasonsZh[0]).toBe("没有适用的检查项目");
    expect(verdictOf([]).canAccept).toBe(false);
  });

  describe("missing sample points", () => {
    it("is incomplete with the number still needed", () => {
      const v = verdictOf([materials, generalFlatness(5, 0, { points: values(1, 2, 2) })]);
      expect(v.status).toBe("incomplete");
      expect(v.canAccept).toBe(false);
      expect(v.items[1]).toMatchObject({
        status: "incomplete",
        measuredPoints: 3,
        requiredPoints: 5,
      });
      expect(v.reasonsZh[0]).toBe("一般项目 3 表面平整度: 还需 2 个实测点 (已测 3，应测 5)");
    });

    it("takes the minimum from table 3.0.9 when the item has none", () => {
      const v = computeLotVerdict({
        rules: RAILING_RULES,
        lotCapacity: 30,
        items: [generalFlatness(4, 0, { requiredSamples: null })],
      });
      expect(v.items[0]).toMatchObject({ status: "incomplete", requiredPoints: 5 });
    });

    it("ignores invalid values", () => {
      const v = verdictOf([generalFlatness(2, 0, { points: values(1, Number.NaN) })]);
      expect(v.items[0]).toMatchObject({ status: "incomplete", measuredPoints: 1 });
    });

    it("lets a failure win over incompleteness at lot level", () => {
      const v = verdictOf([
        { ...materials, result: null },
        { ...height, points: values(1) },
      ]);
      expect(v.status).toBe("fail");
      expect(v.reasonsZh).toEqual([
        "主控项目 2 栏杆高度: 1 点不合格 (1.00 m < 1.05 m)",
        "主控项目 1 材料: 未填写",
      ]);
    });
  });

  describe("deviationFromDesign", () => {
    const handrail = item({
      kind: "general",
      seq: 5,
      labelZh: "扶手高度",
      numeric: handrailHeightDeviation,
      designValue: 900,
      requiredSamples: 5,
      points: values(902, 904, 906, 901, 907),
    });

    it("judges against the design value", () => {
      const v = verdictOf([handrail]);
      expect(v.status).toBe("pass");
      expect(v.items[0]).toMatchObject({ passRate: 0.8, failedPoints: 1 });
    });

    it("fails on a deviation beyond the band", () => {
      const v = verdictOf([{ ...handrail, points: values(902, 904, 906, 899, 907) }]);
      expect(v.status).toBe("fail");
      expect(v.reasonsZh).toEqual([
        "一般项目 5 扶手高度: 1 点超出允许偏差 1.5 倍 (偏差 -1 mm < 0 mm)",
      ]);
    });

    it("is incomplete without a design value", () => {
      const v = verdictOf([{ ...handrail, designValue: null }]);
      expect(v.status).toBe("incomplete");
      expect(v.reasonsZh).toEqual(["一般项目 5 扶手高度: 缺少设计值，无法判定偏差"]);
      expect(verdictOf([{ ...handrail, designValue: undefined }]).status).toBe("incomplete");
    });

    it("still fails without a design value when marked fail", () => {
      expect(verdictOf([{ ...handrail, designValue: null, result: "fail" }]).status).toBe("fail");
    });
  });

  describe("Appendix D (GB 50303 / GB 50242)", () => {
    it("passes d ≤ Ac at a table row", () => {
      const v = verdictOf([generalFlatness(5, 1)], WIRING_RULES);
      expect(v.status).toBe("pass");
      expect(v.reasonsZh).toEqual([
        "一般项目 3 表面平整度: 不合格点数 1 ≤ 合格判定数 1 (样本 5，GB 50300 附录D)",
      ]);
    });

    it("fails d > Ac", () => {
      const v = verdictOf([generalFlatness(5, 2)], WIRING_RULES);
      expect(v.status).toBe("fail");
      expect(v.reasonsZh).toEqual([
        "一般项目 3 表面平整度: 不合格点数 2 > 合格判定数 1 (样本 5，GB 50300 附录D)",
      ]);
    });

    it("interpolates Ac between rows", () => {
      expect(verdictOf([generalFlatness(10, 2)], WIRING_RULES).status).toBe("pass");
      expect(verdictOf([generalFlatness(10, 3)], WIRING_RULES).status).toBe("fail");
      // n = 11 → Ac 2.6 → 3: 72.7 % passes here, where an 80 % rule would fail it.
      expect(verdictOf([generalFlatness(11, 3)], WIRING_RULES).status).toBe("pass");
      expect(verdictOf([generalFlatness(11, 3)], RAILING_RULES).status).toBe("fail");
    });

    it("still fails on points flagged serious", () => {
      const points = [...flatnessPoints(4, 0), { value: 1, serious: true }];
      expect(verdictOf([generalFlatness(5, 0, { points })], WIRING_RULES).status).toBe("fail");
    });

    it("cannot judge without a table", () => {
      const v = verdictOf([generalFlatness(5, 0)], { ...WIRING_RULES, appendixD: [] });
      expect(v.status).toBe("incomplete");
      expect(v.reasonsZh[0]).toContain("缺少 GB 50300 附录D 判定表");
    });
  });

  it("judges non-numeric and target-only general items by their result", () => {
    const observed = item({ kind: "general", seq: 1, labelZh: "观感", result: "pass" });
    const target = item({
      kind: "general",
      seq: 2,
      labelZh: "开关高度",
      numeric: checklistItem("SL-G3").numeric,
      points: values(1.35),
    });
    const v = verdictOf([observed, target]);
    expect(v.items.map((i) => i.status)).toEqual(["pass", "incomplete"]);
    expect(v.reasonsZh[0]).toBe("一般项目 2 开关高度: 未填写");
    expect(verdictOf([observed, { ...target, result: "pass" }]).status).toBe("pass");
  });

  it("needs complete records", () => {
    const v = computeLotVerdict({
      rules: RAILING_RULES,
      items: [materials, { ...height, result: null, points: values(1.1) }],
      recordsComplete: false,
    });
    expect(v.status).toBe("incomplete");
    expect(v.summaryZh).toBe("未完成：主控项目 2、施工操作依据、质量验收记录不完整");
    expect(v.reasonsZh).toEqual([
      "主控项目 2 栏杆高度: 还需 2 个实测点 (已测 1，应测 3)",
      "施工操作依据、质量验收记录不完整",
      "主控项目 1 材料: 合格",
    ]);
    const complete = computeLotVerdict({
      rules: RAILING_RULES,
      items: [materials],
      recordsComplete: true,
    });
    expect(complete.canAccept).toBe(true);
  });

  it("orders items main first, by number, whatever the input order", () => {
    const v = verdictOf([generalFlatness(5, 0), height, materials]);
    expect(v.items.map((i) => `${i.kind}-${i.seq}`)).toEqual(["main-1", "main-2", "general-3"]);
  });

  it("accepts a well-built lot for every work type in the data", () => {
    for (const wt of data.workTypes) {
      const lotRules = lotRulesFor(wt.standards, rules);
      const seqs = { main: 0, general: 0 };
      const items = wt.items.map((ci) => {
        seqs[ci.kind] += 1;
        const numeric = ci.numeric;
        const required = requiredSampleCount(ci.samplePlan);
        const base = { itemId: ci.id, kind: ci.kind, seq: seqs[ci.kind], labelZh: ci.textZh };
        if (numeric === null || !isAutoJudgeable(numeric)) {
          return item({ ...base, numeric, result: "pass" });
        }
        const good =
          numeric.min !== null && numeric.max !== null
            ? (numeric.min + numeric.max) / 2
            : (numeric.min ?? numeric.max ?? 0);
        const design = numeric.quantity === "deviationFromDesign" ? 100 : null;
        const value = design === null ? good : design + good;
        const points = Array.from({ length: required }, () => ({ value }));
        return item({ ...base, numeric, designValue: design, requiredSamples: required, points });
      });
      const v = computeLotVerdict({ rules: lotRules, items });
      expect(v.status, `${wt.code}: ${v.reasonsZh.join(" / ")}`).toBe("pass");
      expect(v.items).toHaveLength(wt.items.length);
    }
  });
});
