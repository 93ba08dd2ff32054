/**
 * The judging vocabulary without zod (place attributes, sample quantities, comparisons): the
 * tablet bundle needs these; the schemas that validate checklist data stay in verdict-schema.ts.
 */
/** Place attributes a limit or a sample rule may depend on, and where each comes from. */
export const PLACE_ATTRIBUTES = {
  storeys: { labelZh: "层数", unit: "层", source: "Building.floors" },
  surface: { labelZh: "面层类型", unit: "", source: "Zone.surface" },
  roadWidth: { labelZh: "路面宽度", unit: "m", source: "Zone.roadWidth" },
  roadClass: { labelZh: "道路等级", unit: "", source: "Zone.roadClass" },
  pipeMaterial: { labelZh: "管材", unit: "", source: "Zone.pipeMaterial" },
  pipeDiameter: { labelZh: "管径 Di", unit: "mm", source: "Zone.pipeDiameter" },
  structure: { labelZh: "池体结构", unit: "", source: "Zone.structure" },
  bends: { labelZh: "两盒间弯曲数", unit: "个", source: "InspectionLot.attributes" },
  conduitDiameter: { labelZh: "导管管径", unit: "mm", source: "InspectionLot.attributes" },
  rimAboveCrown: {
    labelZh: "上游井口高出管顶内壁",
    unit: "m",
    source: "InspectionLot.attributes",
  },
} as const;
export type PlaceAttribute = keyof typeof PLACE_ATTRIBUTES;
export const PLACE_ATTRIBUTE_NAMES = Object.keys(PLACE_ATTRIBUTES) as [
  PlaceAttribute,
  ...PlaceAttribute[],
];

/** Words for attribute values in verdict lines. */
export const ATTRIBUTE_VALUE_ZH: Record<string, string> = {
  asphalt: "沥青",
  concrete: "水泥混凝土",
  paving: "铺砌",
  rc: "钢筋混凝土",
  plastic: "化学建材",
  masonry: "砌体",
  arterial: "主干路",
  secondary: "次干路",
  branch: "支路",
};

/** What a sample plan counts; the lot records one quantity per kind it needs. */
export const SAMPLE_QUANTITIES = {
  m: "m",
  m2: "m²",
  m3: "m³",
  flights: "跑",
  rooms: "间",
  joints: "处接头",
  units: "个(套、座)",
  bays: "个车位",
  sections: "井段",
  circuits: "回路",
  supports: "处支架",
  bends: "处弯曲",
  lots: "批",
} as const;
export type SampleQuantity = keyof typeof SAMPLE_QUANTITIES;
export const QUANTITY_NAMES = Object.keys(SAMPLE_QUANTITIES) as [
  SampleQuantity,
  ...SampleQuantity[],
];

export const COMPARISONS = [
  "ge",
  "gt",
  "le",
  "lt",
  "range",
  "design",
  "statistic",
  "lookup",
  "trigger",
  "head",
] as const;
export type Comparison = (typeof COMPARISONS)[number];

export type PlaceAttributes = Partial<Record<PlaceAttribute, number | string | null>>;
/** Quantities of a lot by what they count (180 m, 14 flights …). */
export type LotQuantities = Partial<Record<SampleQuantity, number | null>>;
