/**
 * What each 分部 must show before it is accepted (GB 50300-2013 §5.0.3 items 2 and 3, 附录H
 * 表H.0.1-2 资料核查 and 表H.0.1-3 安全和功能检验): the 质量控制资料 kinds and the 安全和功能检验
 * tests, by the 分部's Chinese standard name as the plan stores it. Data, not logic. A test's limit
 * is read from the checklist item it names (prisma/data/checklists.json `judge`, design invariant
 * 6: numbers from data); `workTypes` says at which planned places it must be recorded.
 */

import zh from "~/locales/zh-CN/evidence";
import { nameZh } from "~/modules/lot/record-division";

export type DocKind = keyof typeof zh.kinds;
export type TestCode = keyof typeof zh.testNames;

/** Attributes a test's limit depends on that the tester may give (when the register lacks them). */
export type TestAttribute = "pipeDiameter" | "pipeMaterial" | "structure" | "roadClass";

export type TestSpec = {
  code: TestCode;
  /** checklist item whose judge spec holds the standard, clause, comparison and limits */
  item: string;
  /** the planned lots of these work types are the places the test is recorded at */
  workTypes: string[];
  attributes: TestAttribute[];
};

/** 隐蔽工程验收记录: met by signed concealed-work records, never uploaded. */
export const CONCEALED_KIND: DocKind = "concealed";

export const DOC_CLAUSE = "GB 50300-2013 §5.0.3-2 (H.0.1-2)";
export const TEST_CLAUSE = "GB 50300-2013 §5.0.3-3 (H.0.1-3)";

type Requirement = { documents: DocKind[]; tests: TestSpec[] };

const ROAD_DOCS: DocKind[] = ["certificates", "retest", "witnessSampling", "compactionReport"];
// Road limits depend on the road class (CJJ 1 次干路 / 支路) where the register does not give it.
const compaction = (code: TestCode, item: string, workTypes: string[]): TestSpec => ({
  code,
  item,
  workTypes,
  attributes: ["roadClass"],
});

const BY_DIVISION: Record<string, Requirement> = {
  [nameZh("buildingElectrical")]: {
    documents: [
      "certificates",
      "insulationRecord",
      "trialRunRecord",
      CONCEALED_KIND,
      "constructionRecord",
    ],
    tests: [
      // GB 50303-2015 §17.1.2 (SW-M7): line-line and line-earth insulation of each circuit
      { code: "insulation", item: "SW-M7", workTypes: ["stairwell-wiring"], attributes: [] },
      // GB 50303-2015 §21.1.2 (SL-M6): residential lighting energised continuously for 8 h
      {
        code: "lightingTrial",
        item: "SL-M6",
        workTypes: ["stairwell-sound-light"],
        attributes: [],
      },
    ],
  },
  [nameZh("decoration")]: {
    documents: ["certificates", "retest", CONCEALED_KIND, "constructionRecord"],
    // GB 50009-2012 §5.5.2 (SR-M10): top horizontal load on residential stair railings
    tests: [{ code: "railingLoad", item: "SR-M10", workTypes: ["stair-railing"], attributes: [] }],
  },
  [nameZh("plumbing")]: {
    documents: [
      "certificates",
      "retest",
      "closedWaterRecord",
      "waterTightRecord",
      CONCEALED_KIND,
      "constructionRecord",
    ],
    tests: [
      // GB 50268-2008 §9.3.5 (RS-M8): measured leakage ≤ allowable by bore (表9.3.5) or 0.0046·Di
      {
        code: "closedWater",
        item: "RS-M8",
        workTypes: ["rain-sewer-network"],
        attributes: ["pipeDiameter", "pipeMaterial"],
      },
      // GB 50141-2008 §9.2.6 (ST-M6): ≤ 2 L/(m²·d) reinforced concrete, ≤ 3 masonry
      {
        code: "septicWatertight",
        item: "ST-M6",
        workTypes: ["septic-tank"],
        attributes: ["structure"],
      },
    ],
  },
  // CJJ 1-2008 §6.8.1 (RD-M1), §7.8.1 (RD-M2), §8.5.1 (RD-M4, RD-M6)
  [nameZh("subgrade")]: {
    documents: ROAD_DOCS,
    tests: [compaction("subgradeCompaction", "RD-M1", ["road-repair"])],
  },
  [nameZh("baseCourse")]: {
    documents: ROAD_DOCS,
    tests: [compaction("baseCompaction", "RD-M2", ["road-repair"])],
  },
  [nameZh("surfaceCourse")]: {
    documents: [...ROAD_DOCS, "deflectionReport"],
    tests: [
      compaction("surfaceCompaction", "RD-M4", ["road-repair"]),
      compaction("deflection", "RD-M6", ["road-repair"]),
    ],
  },
  [nameZh("squaresParking")]: {
    documents: ROAD_DOCS,
    tests: [compaction("parkingCompaction", "PK-M1", ["parking-lot"])],
  },
};

/** Any other 分部 (附属构筑物, 室外环境 …): certificates and construction records only. */
const DEFAULT: Requirement = { documents: ["certificates", "constructionRecord"], tests: [] };

export function requirementFor(division: string): Requirement {
  return BY_DIVISION[division] ?? DEFAULT;
}

/** Chinese names (language of record) for the contract's `name` fields. */
export const kindNameZh = (kind: string) => zh.kinds[kind as DocKind] ?? kind;
export const testNameZh = (code: string) => zh.testNames[code as TestCode] ?? code;

export function isDocKind(kind: string): kind is DocKind {
  return kind in zh.kinds;
}
