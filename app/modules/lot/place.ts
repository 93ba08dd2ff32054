import { z } from "~/infra/zod";
import { msg } from "./verdict-message";
import type { JudgeSpec } from "./verdict-schema";
import { verdictTextZh } from "./verdict-text";
import type {
  LotQuantities,
  PlaceAttribute,
  PlaceAttributes,
  SampleQuantity,
} from "./verdict-vocabulary";

/** 检验批容量 units as lots record them → what sample plans count. */
const CAPACITY_UNIT_QUANTITY: Record<string, SampleQuantity> = {
  m: "m",
  "m²": "m2",
  m2: "m2",
  "m³": "m3",
  跑: "flights",
  间: "rooms",
  处: "units",
  个: "units",
  套: "units",
  座: "units",
  台: "units",
  车位: "bays",
  井段: "sections",
  回路: "circuits",
};

// Built on first use, not at import: the lot page's client bundle imports this module and
// should not carry zod (a schema built at import time cannot be tree-shaken away); built once,
// not per call (a lot page parses these for every item).
let quantities: z.ZodType<Record<string, number | null>> | undefined;
let attributes: z.ZodType<Record<string, number | string | null>> | undefined;
const Quantities = () => (quantities ??= z.record(z.string(), z.number().nonnegative().nullable()));
const Attributes = () =>
  (attributes ??= z.record(z.string(), z.union([z.number(), z.string()]).nullable()));

function parseJson<T>(text: string | null, schema: z.ZodType<T>): T | Record<string, never> {
  if (!text) return {};
  const parsed = schema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : {};
}

interface PlaceRow {
  capacity: number | null;
  capacityUnit: string | null;
  quantities: string | null;
  attributes: string | null;
  building: { floors: number } | null;
  stairwell: { floors: number; building: { floors: number } } | null;
  zone: {
    surface: string | null;
    roadWidth: number | null;
    roadClass: string | null;
    pipeMaterial: string | null;
    pipeDiameter: number | null;
    structure: string | null;
  } | null;
}

/** The place attributes and quantities a lot's verdict depends on. */
export function lotPlace(lot: PlaceRow): {
  attributes: PlaceAttributes;
  quantities: LotQuantities;
} {
  const storeys = lot.stairwell?.building.floors ?? lot.building?.floors ?? null;
  const attributes: PlaceAttributes = {
    ...(storeys !== null ? { storeys } : {}),
    ...(lot.zone ?? {}),
    ...parseJson(lot.attributes, Attributes()),
  };
  const quantities: LotQuantities = { lots: 1, ...parseJson(lot.quantities, Quantities()) };
  const fromCapacity = lot.capacityUnit
    ? CAPACITY_UNIT_QUANTITY[lot.capacityUnit.trim()]
    : undefined;
  if (fromCapacity && lot.capacity !== null && quantities[fromCapacity] == null) {
    quantities[fromCapacity] = lot.capacity;
  }
  // The legacy table-3.0.9 rule of old checklist versions counts the lot capacity itself.
  if (lot.capacity !== null) quantities.lots = lot.capacity;
  return { attributes, quantities };
}

/** Values offered for attributes that are words, not numbers. */
export const ATTRIBUTE_OPTIONS: Partial<Record<PlaceAttribute, string[]>> = {
  surface: ["asphalt", "concrete", "paving"],
  roadClass: ["arterial", "secondary", "branch"],
  pipeMaterial: ["rc", "plastic"],
  structure: ["rc", "masonry"],
};

export interface PlaceField {
  name: string;
  /** an attribute's name; for a quantity, what it counts (the form words it 检验批容量（…）) */
  labelZh: string;
  unit: string;
  value: number | string | null;
  options?: string[];
}

/**
 * What the lot page asks for: each quantity the lot's items count (检验批容量 per item kind of
 * unit) and each place attribute a limit or sample rule depends on.
 */
export function placeFieldsFor(
  specs: readonly (JudgeSpec | null)[],
  place: { attributes: PlaceAttributes; quantities: LotQuantities },
  recorded: { attributes: string | null },
): { quantities: PlaceField[]; attributes: PlaceField[] } {
  const counts = new Set<SampleQuantity>();
  const attrs = new Set<PlaceAttribute>();
  for (const spec of specs) {
    if (!spec) continue;
    if (spec.sample.counts !== "lots" && spec.sample.rule.kind !== "fixed")
      counts.add(spec.sample.counts);
    if (spec.sample.rule.kind === "perWidth") attrs.add("roadWidth");
    for (const l of spec.limits) for (const c of l.when) attrs.add(c.attr);
    if (spec.lookup) {
      attrs.add(spec.lookup.attr);
      for (const c of spec.lookup.linear?.when ?? []) attrs.add(c.attr);
    }
    for (const z of spec.statistic?.za ?? []) for (const c of z.when) attrs.add(c.attr);
    if (spec.comparison === "head") attrs.add("rimAboveCrown");
  }
  const own = Object.keys(parseJson(recorded.attributes, Attributes()));
  return {
    quantities: [...counts].map((k) => ({
      name: k,
      labelZh: verdictTextZh(msg(`verdict.counts.${k}`)),
      unit: verdictTextZh(msg(`verdict.counts.${k}`)),
      value: place.quantities[k] ?? null,
    })),
    attributes: [...attrs]
      .filter((a) => a !== "storeys" || place.attributes.storeys == null || own.includes(a))
      .map((a) => ({
        name: a,
        labelZh: verdictTextZh(msg(`verdict.attributes.${a}`)),
        unit: verdictTextZh(msg(`verdict.attributeUnits.${a}`)),
        value: place.attributes[a] ?? null,
        ...(ATTRIBUTE_OPTIONS[a] ? { options: ATTRIBUTE_OPTIONS[a] } : {}),
      })),
  };
}

/** Reads the place form (q.<quantity>, a.<attribute>) into the lot's quantities and attributes. */
export function placeDataFromForm(form: FormData) {
  const quantities: Record<string, number | null> = {};
  const attributes: Record<string, number | string | null> = {};
  for (const [key, raw] of form.entries()) {
    const text = String(raw).trim().replace(",", ".");
    if (key.startsWith("q.")) quantities[key.slice(2)] = text === "" ? null : Number(text);
    if (key.startsWith("a.")) {
      const name = key.slice(2) as PlaceAttribute;
      attributes[name] = text === "" ? null : ATTRIBUTE_OPTIONS[name] ? text : Number(text);
    }
  }
  return { quantities, attributes };
}
