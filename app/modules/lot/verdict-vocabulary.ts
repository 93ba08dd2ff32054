/**
 * The judging vocabulary without zod (place attributes, sample quantities, comparisons): the
 * tablet bundle needs these; the schemas that validate checklist data stay in verdict-schema.ts.
 */
/**
 * Place attributes a limit or a sample rule may depend on, and where each comes from. Their
 * names are `checklist:verdict.attributes.*`, a value with its name and unit
 * `checklist:verdict.attributeValue.*`, named values (asphalt …) `checklist:verdict.values.*`.
 */
export const PLACE_ATTRIBUTES = {
  storeys: { source: "Building.floors" },
  surface: { source: "Zone.surface" },
  roadWidth: { source: "Zone.roadWidth" },
  roadClass: { source: "Zone.roadClass" },
  pipeMaterial: { source: "Zone.pipeMaterial" },
  pipeDiameter: { source: "Zone.pipeDiameter" },
  structure: { source: "Zone.structure" },
  bends: { source: "InspectionLot.attributes" },
  conduitDiameter: { source: "InspectionLot.attributes" },
  rimAboveCrown: { source: "InspectionLot.attributes" },
} as const;
export type PlaceAttribute = keyof typeof PLACE_ATTRIBUTES;
export const PLACE_ATTRIBUTE_NAMES = Object.keys(PLACE_ATTRIBUTES) as [
  PlaceAttribute,
  ...PlaceAttribute[],
];

/** Attribute values with a name (`checklist:verdict.values.*`); others are shown as they are. */
export const NAMED_ATTRIBUTE_VALUES = [
  "asphalt",
  "concrete",
  "paving",
  "rc",
  "plastic",
  "masonry",
  "arterial",
  "secondary",
  "branch",
] as const;
export type NamedAttributeValue = (typeof NAMED_ATTRIBUTE_VALUES)[number];
export function isNamedAttributeValue(v: unknown): v is NamedAttributeValue {
  return (NAMED_ATTRIBUTE_VALUES as readonly unknown[]).includes(v);
}

/**
 * What a sample plan counts; the lot records one quantity per kind it needs. The unit of each
 * is `checklist:verdict.counts.*` ("m", "跑", "处接头" …).
 */
export const SAMPLE_QUANTITIES = {
  m: "m",
  m2: "m2",
  m3: "m3",
  flights: "flights",
  rooms: "rooms",
  joints: "joints",
  units: "units",
  bays: "bays",
  sections: "sections",
  circuits: "circuits",
  supports: "supports",
  bends: "bends",
  lots: "lots",
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
